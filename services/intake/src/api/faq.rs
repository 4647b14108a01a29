//! The knowledge base (`svc.intake.faq.*`): articles by product line, searched by words,
//! most used first.

use aftercare_contracts::ServiceError;
use aftercare_contracts::intake::{CreateFaqArticle, FaqArticle, FindFaqArticles, GetFaqArticle};
use aftercare_contracts::rpc::{Page, check_limit};
use aftercare_platform::rpc::{Endpoints, RequestContext};

use super::State;
use crate::app::faq;
use crate::store;
use uuid::Uuid;

pub(super) fn register(endpoints: Endpoints<State>) -> Endpoints<State> {
    endpoints
        .on::<CreateFaqArticle, _>(create)
        .on::<FindFaqArticles, _>(find)
        .on::<GetFaqArticle, _>(get)
}

async fn create(
    State { db, calendar }: State,
    _ctx: RequestContext,
    req: CreateFaqArticle,
) -> Result<FaqArticle, ServiceError> {
    db.in_unit_of_work(move |uow| Box::pin(async move { faq::create(uow, &calendar, req).await }))
        .await
}

async fn find(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: FindFaqArticles,
) -> Result<Page<FaqArticle>, ServiceError> {
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

async fn get(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: GetFaqArticle,
) -> Result<FaqArticle, ServiceError> {
    let id =
        Uuid::parse_str(req.id.trim()).map_err(|_| ServiceError::not_found("article", &req.id))?;
    let mut conn = db.read_conn().await?;
    store::faq::get(&mut conn, id)
        .await?
        .ok_or_else(|| ServiceError::not_found("article", &req.id))
}
