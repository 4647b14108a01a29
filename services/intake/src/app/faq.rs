//! The knowledge base agents answer from: articles per product line.
use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::ServiceError;
use aftercare_contracts::intake::limits;
use aftercare_contracts::intake::{CreateFaqArticle, FaqArticle};
use aftercare_platform::UnitOfWork;
use uuid::Uuid;

use crate::store;

/// Adds an article to the knowledge base of a configured product line, numbered in the
/// company's FAQ series.
pub(crate) async fn create(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    req: CreateFaqArticle,
) -> Result<FaqArticle, ServiceError> {
    let mut errors = Vec::new();
    limits::QUESTION.check(&mut errors, "question", &req.question);
    limits::ANSWER.check(&mut errors, "answer", &req.answer);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let line = req.product_line.trim();
    if store::customers::warranty_months(uow.conn(), line)
        .await?
        .is_none()
    {
        let lines = store::customers::product_lines(uow.conn()).await?;
        return Err(ServiceError::field(
            "product_line",
            "unknown",
            format!(
                "{line:?} is not a product line; configured: {}",
                lines.join(", ")
            ),
        ));
    }
    let now = uow.now();
    let number = uow
        .next_number(&crate::domain::numbering::FAQ, calendar, now)
        .await?;
    let a = FaqArticle {
        id: Uuid::now_v7(),
        number,
        product_line: line.to_owned(),
        question: req.question.trim().to_owned(),
        answer: req.answer.trim().to_owned(),
        uses: 0,
        created_at: now,
    };
    store::faq::insert(uow, &a).await?;
    Ok(a)
}
