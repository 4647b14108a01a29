//! Survey's request endpoints (`svc.survey.*`), thin adapters over [`crate::app`]: each
//! decodes its request, opens the unit of work, calls one use case and commits. Callbacks,
//! answer links and the questionnaire here; follow-ups, reports, rankings, campaigns and
//! quality in [`reports`]; the outbound call queue in [`call_tasks`].
mod call_tasks;
mod reports;

use std::sync::Arc;

use aftercare_contracts::ServiceError;
use aftercare_contracts::rpc::{Page, check_limit};
use aftercare_contracts::survey::{
    AnswerByLink, AnswerForm, AnswerLink, Callback, GetAnswerForm, GetCallback, GetQuestionnaire,
    IssueAnswerLink, ListCallbacks, Questionnaire, RecordCallback, ReplaceQuestionnaire,
};
use aftercare_platform::rpc::{Endpoint, Endpoints, RequestContext};
use aftercare_platform::{Db, now_ms};

use crate::app;
use crate::domain::CallbackPolicy;
use crate::store::{callbacks, questionnaires};

/// What every endpoint reaches: the database and the callback rules.
#[derive(Clone)]
pub(crate) struct State {
    db: Db,
    policy: Arc<CallbackPolicy>,
}

/// Survey's endpoints, one per request type it answers.
pub(crate) fn endpoints(db: Db, policy: Arc<CallbackPolicy>) -> Vec<Endpoint> {
    let endpoints = Endpoints::new(State { db, policy })
        .on::<GetCallback, _>(get)
        .on::<ListCallbacks, _>(list)
        .on::<RecordCallback, _>(record)
        .on::<IssueAnswerLink, _>(issue_link)
        .on::<GetAnswerForm, _>(form)
        .on::<AnswerByLink, _>(answer_by_link)
        .on::<GetQuestionnaire, _>(questionnaire)
        .on::<ReplaceQuestionnaire, _>(replace_questionnaire)
        .on::<aftercare_contracts::survey::SurveySettingHistory, _>(setting_history);
    call_tasks::register(reports::register(endpoints)).into_vec()
}

/// Who made a request, as attempts, follow-ups and settings name them.
fn actor_name(ctx: &RequestContext) -> String {
    ctx.actor
        .as_ref()
        .map(|a| a.user_id.clone())
        .unwrap_or_else(|| "anonymous".into())
}

async fn get(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: GetCallback,
) -> Result<Callback, ServiceError> {
    let mut conn = db.read_conn().await?;
    callbacks::callback(&mut conn, req.id.trim(), now_ms())
        .await?
        .ok_or_else(|| ServiceError::not_found("callback", &req.id))
}

async fn list(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: ListCallbacks,
) -> Result<Page<Callback>, ServiceError> {
    check_limit(req.limit)?;
    let mut conn = db.read_conn().await?;
    let items = callbacks::list_callbacks(&mut conn, &req, now_ms()).await?;
    Ok(Page::of(items, req.limit, callbacks::callback_cursor))
}

async fn record(
    State { db, policy }: State,
    ctx: RequestContext,
    req: RecordCallback,
) -> Result<Callback, ServiceError> {
    let mut uow = db.begin().await?;
    let c = app::callbacks::record(
        &mut uow,
        &policy,
        &req,
        ctx.actor.clone(),
        &actor_name(&ctx),
    )
    .await?;
    uow.commit().await?;
    Ok(c)
}

async fn issue_link(
    State { db, policy }: State,
    ctx: RequestContext,
    req: IssueAnswerLink,
) -> Result<AnswerLink, ServiceError> {
    let mut uow = db.begin().await?;
    let link = app::links::issue(&mut uow, &policy, &req.callback_id, ctx.actor).await?;
    uow.commit().await?;
    Ok(link)
}

async fn form(
    State { db, policy }: State,
    _ctx: RequestContext,
    req: GetAnswerForm,
) -> Result<AnswerForm, ServiceError> {
    let mut conn = db.read_conn().await?;
    app::links::form(&mut conn, &policy, &req.token).await
}

async fn answer_by_link(
    State { db, policy }: State,
    _ctx: RequestContext,
    req: AnswerByLink,
) -> Result<Callback, ServiceError> {
    let mut uow = db.begin().await?;
    let c = app::links::answer(&mut uow, &policy, &req).await?;
    uow.commit().await?;
    Ok(c)
}

async fn questionnaire(
    State { db, .. }: State,
    _ctx: RequestContext,
    _req: GetQuestionnaire,
) -> Result<Questionnaire, ServiceError> {
    let mut conn = db.read_conn().await?;
    Ok(questionnaires::current_questionnaire(&mut conn).await?)
}

async fn replace_questionnaire(
    State { db, .. }: State,
    ctx: RequestContext,
    req: ReplaceQuestionnaire,
) -> Result<Questionnaire, ServiceError> {
    let mut uow = db.begin().await?;
    let q = app::questionnaires::replace(&mut uow, req, actor_name(&ctx)).await?;
    uow.commit().await?;
    Ok(q)
}

/// The questionnaire's name among the settings whose history survey answers.
const QUESTIONNAIRE: &str = "questionnaire";

/// The questionnaire's stored versions, newest first, as settings' versions are read: each
/// holds one entry, the questions, level scores and follow-up level of that version.
async fn questionnaire_history(
    db: &Db,
    query: &aftercare_contracts::rpc::SettingHistoryQuery,
) -> Result<Page<aftercare_contracts::rpc::SettingVersion>, ServiceError> {
    let before = aftercare_platform::company_settings::history_bounds(query)?;
    let mut conn = db.read_conn().await?;
    let items = questionnaires::stored_before(&mut conn, before, query.limit)
        .await?
        .into_iter()
        .map(crate::domain::questionnaire::as_setting_version)
        .collect();
    Ok(Page::of(items, query.limit, |v| v.version.to_string()))
}

/// The stored versions of one of the company settings this service keeps, newest first.
async fn setting_history(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: aftercare_contracts::survey::SurveySettingHistory,
) -> Result<
    aftercare_contracts::rpc::Page<aftercare_contracts::rpc::SettingVersion>,
    aftercare_contracts::ServiceError,
> {
    if req.0.setting == QUESTIONNAIRE {
        return questionnaire_history(&db, &req.0).await;
    }
    aftercare_platform::company_settings::history_of!(
        &db,
        &req.0,
        [
            crate::domain::settings::QualityThresholds,
            crate::domain::calls::CallAssignment
        ]
    )
}
