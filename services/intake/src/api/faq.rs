//! The knowledge base (`svc.intake.faq.*`): articles by product line, searched by words,
//! most used first.
use std::sync::Arc;

use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::ServiceError;
use aftercare_contracts::intake::{CreateFaqArticle, FaqArticle, FindFaqArticles};
use aftercare_contracts::rpc::{ById, Page, check_limit, check_text};
use aftercare_platform::rpc::{Endpoint, endpoint};
use aftercare_platform::{Db, from_ms, now_ms};
use uuid::Uuid;

use crate::store;

pub(super) fn endpoints(db: Db, calendar: Arc<BusinessCalendar>) -> Vec<Endpoint> {
    let (find_db, get_db) = (db.clone(), db.clone());
    vec![
        endpoint("faq.create", move |_ctx, req| {
            create(db.clone(), calendar.clone(), req)
        }),
        endpoint("faq.find", move |_ctx, req| find(find_db.clone(), req)),
        endpoint("faq.get", move |_ctx, req| get(get_db.clone(), req)),
    ]
}

async fn create(
    db: Db,
    calendar: Arc<BusinessCalendar>,
    req: CreateFaqArticle,
) -> Result<FaqArticle, ServiceError> {
    let mut errors = Vec::new();
    check_text(&mut errors, "question", &req.question, 1, 500);
    check_text(&mut errors, "answer", &req.answer, 1, 8000);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let mut uow = db.begin().await?;
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
    let now = from_ms(now_ms());
    let number = uow
        .next_number(&crate::domain::numbering::FAQ, &calendar, now)
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
    store::faq::insert(&mut uow, &a).await?;
    uow.commit().await?;
    Ok(a)
}

async fn find(db: Db, req: FindFaqArticles) -> Result<Page<FaqArticle>, ServiceError> {
    check_limit(req.limit)?;
    let words: Vec<String> = req
        .text
        .as_deref()
        .unwrap_or("")
        .split_whitespace()
        .take(10)
        .map(str::to_owned)
        .collect();
    let mut conn = db.read_conn().await?;
    let items = store::faq::find(
        &mut conn,
        req.product_line.as_deref().map(str::trim),
        &words,
        i64::from(req.limit),
    )
    .await?;
    Ok(Page {
        items,
        next_cursor: None,
    })
}

async fn get(db: Db, req: ById) -> Result<FaqArticle, ServiceError> {
    let id =
        Uuid::parse_str(req.id.trim()).map_err(|_| ServiceError::not_found("article", &req.id))?;
    let mut conn = db.read_conn().await?;
    store::faq::get(&mut conn, id)
        .await?
        .ok_or_else(|| ServiceError::not_found("article", &req.id))
}
