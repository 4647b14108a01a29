//! Rankings: the snapshot of a closed week or month, published once (by the periodic job
//! when due, or on request) and then read as published.
use aftercare_contracts::survey::{
    PublishRanking, Ranking, RankingKind, RankingPublished, ScoreGroup,
};
use aftercare_contracts::{Actor, Envelope, ServiceError};
use aftercare_platform::{UnitOfWork, from_ms, now_ms};
use chrono::NaiveDate;
use uuid::Uuid;

use super::reports::answered_in;
use crate::domain::CallbackPolicy;
use crate::domain::periods::{check_publish, period_of};
use crate::domain::scores::{lines, problems};
use crate::store::rankings;

/// Publishes the ranking of the `kind` period containing `day` (callbacks answered in
/// it, `survey.ranking.published`); a period already published returns its snapshot
/// unchanged.
pub(crate) async fn publish(
    uow: &mut UnitOfWork,
    policy: &CallbackPolicy,
    kind: RankingKind,
    day: NaiveDate,
    actor: Option<Actor>,
) -> Result<Ranking, ServiceError> {
    let (start, end) = period_of(kind, day);
    if let Some(r) = rankings::ranking(uow.conn(), None, Some((kind, start))).await? {
        return Ok(r);
    }
    let calls = answered_in(uow.conn(), policy, start, end, true).await?;
    let ranking = Ranking {
        id: Uuid::now_v7(),
        kind,
        period_start: start,
        period_end: end,
        technicians: lines(ScoreGroup::Technician, &calls),
        agents: lines(ScoreGroup::Agent, &calls),
        problems: problems(&calls),
        published_at: from_ms(now_ms()),
    };
    if !rankings::insert_ranking(uow, &ranking).await? {
        // Published by another replica meanwhile: theirs stands.
        return rankings::ranking(uow.conn(), None, Some((kind, start)))
            .await?
            .ok_or_else(|| ServiceError::not_found("ranking", &start.to_string()));
    }
    uow.emit(&Envelope::new(
        RankingPublished {
            ranking_id: ranking.id,
            kind,
            period_start: start,
            period_end: end,
            technicians: ranking.technicians.len() as u32,
            agents: ranking.agents.len() as u32,
        },
        actor.or_else(|| Some(Actor::system())),
    ))
    .await?;
    tracing::info!(?kind, %start, "ranking published");
    Ok(ranking)
}

/// Publishes a closed period's ranking on request, within the last two years.
pub(crate) async fn publish_on_request(
    uow: &mut UnitOfWork,
    policy: &CallbackPolicy,
    req: &PublishRanking,
    actor: Option<Actor>,
) -> Result<Ranking, ServiceError> {
    let today = policy.calendar.local_date(from_ms(now_ms()));
    if let Some(e) = check_publish(req.kind, req.day, today) {
        return Err(ServiceError::validation(vec![e]));
    }
    publish(uow, policy, req.kind, req.day, actor).await
}
