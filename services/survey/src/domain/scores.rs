//! How answered callbacks add up: score lines per technician, agent, team or district,
//! ranked best first (ties share a rank); the prominent problems of a period; the
//! satisfaction index; the appraisal figures.
//!
//! A person's score is the mean of their per-callback scores, so every answered callback
//! weighs the same however many questions rated them. Means are kept as exact sums and
//! counts and compared by cross-multiplication, so two people tie only when their means
//! are truly equal; the shown value is rounded half up to thousandths.
use std::cmp::Ordering;
use std::collections::BTreeMap;

use aftercare_contracts::survey::{
    AppraisalLine, Callback, CallbackScores, CallbackStatus, CoverageReport, IndexGroup, Interval,
    ItemScore, ProminentProblems, QuestionKind, Questionnaire, Rated, SatisfactionPoint,
    ScoreGroup, ScoreLine,
};
use chrono::{DateTime, NaiveDate, Utc};

use super::periods::label;
use super::questionnaire::{level_score, mean_milli};

/// One answered callback, with what scoring needs.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoredCallback {
    /// Work order number.
    pub work_order_number: String,
    /// Technician id.
    pub technician_id: String,
    /// Technician name.
    pub technician_name: String,
    /// Team.
    pub team: String,
    /// Agent who took the request.
    pub agent: Option<String>,
    /// District.
    pub district: String,
    /// When answered.
    pub answered_at: DateTime<Utc>,
    /// Scores of the callback.
    pub scores: CallbackScores,
    /// Each rating: question key, whether it rates the technician (or the agent, or
    /// nobody), score in thousandths, and its place between the version's worst (0.0) and
    /// best (1.0) level.
    pub ratings: Vec<Rating>,
    /// Problem persists.
    pub problem_persists: bool,
    /// Free text.
    pub comment: String,
}

/// One rating inside a callback.
#[derive(Debug, Clone, PartialEq)]
pub struct Rating {
    /// Question key.
    pub key: String,
    /// Score, thousandths.
    pub milli: u32,
    /// Between worst (0.0) and best (1.0) level of its questionnaire version.
    pub normalised: f64,
    /// Whom the question rates.
    pub rates: Option<Rated>,
}

/// An answered callback as scoring reads it, each rating valued by the questionnaire
/// version it was given against and placed between that version's worst and best level;
/// `None` when unanswered (or answered against a version that is not known).
pub fn scored(c: Callback, versions: &[Questionnaire]) -> Option<ScoredCallback> {
    let a = c.answers?;
    let q = versions
        .iter()
        .find(|q| q.version == a.questionnaire_version)?;
    let scores: Vec<u32> = q.levels.iter().map(|l| l.score_milli).collect();
    let lo = scores.iter().copied().min().unwrap_or(0);
    let hi = scores.iter().copied().max().unwrap_or(1);
    let span = f64::from(hi.saturating_sub(lo).max(1));
    let mut ratings = Vec::new();
    let mut comments = Vec::new();
    for ans in &a.answers {
        let Some(question) = q.questions.iter().find(|x| x.key == ans.key) else {
            continue;
        };
        match (question.kind, ans.level, &ans.text) {
            (QuestionKind::Rating, Some(level), _) => {
                let milli = level_score(q, level);
                ratings.push(Rating {
                    key: ans.key.clone(),
                    milli,
                    normalised: f64::from(milli.saturating_sub(lo)) / span,
                    rates: question.rates,
                });
            }
            (QuestionKind::Text, _, Some(t)) if !t.trim().is_empty() => {
                comments.push(t.trim().to_owned())
            }
            _ => {}
        }
    }
    Some(ScoredCallback {
        work_order_number: c.work_order_number,
        technician_id: c.technician_id.to_string(),
        technician_name: c.technician_name,
        team: c.team,
        agent: c.agent,
        district: c.district,
        answered_at: a.answered_at,
        scores: a.scores,
        ratings,
        problem_persists: a.problem_persists,
        comment: comments.join("\n"),
    })
}

/// How far the callbacks of the `visits` completed in `[from, to]` got: how many reached
/// the customer, were refused, closed unreachable, are open and overdue now, and the
/// coverage (completed ÷ visits, in tenths of a percent rounded half up; full when there
/// were no visits).
pub fn coverage(
    from: NaiveDate,
    to: NaiveDate,
    visits: u32,
    callbacks: &[Callback],
) -> CoverageReport {
    let count = |s: CallbackStatus| callbacks.iter().filter(|c| c.status == s).count() as u32;
    let completed = count(CallbackStatus::Completed);
    CoverageReport {
        from,
        to,
        visits,
        completed,
        refused: count(CallbackStatus::Refused),
        unreachable: count(CallbackStatus::Unreachable),
        open: count(CallbackStatus::Scheduled),
        overdue: callbacks
            .iter()
            .filter(|c| c.status == CallbackStatus::Scheduled && c.overdue)
            .count() as u32,
        coverage_tenths: if visits == 0 {
            1000
        } else {
            ((u64::from(completed) * 2000 + u64::from(visits)) / (2 * u64::from(visits))) as u32
        },
    }
}

/// The satisfaction index of these answered callbacks by team or district and by month
/// or quarter of the (local) day each was answered, `local_day` telling that day.
pub fn satisfaction(
    callbacks: &[ScoredCallback],
    group_by: IndexGroup,
    interval: Interval,
    local_day: impl Fn(DateTime<Utc>) -> NaiveDate,
) -> Vec<SatisfactionPoint> {
    let ratings: Vec<IndexRating> = callbacks
        .iter()
        .flat_map(|c| {
            let group = match group_by {
                IndexGroup::Team => c.team.clone(),
                IndexGroup::District => c.district.clone(),
            };
            let period = label(interval, local_day(c.answered_at));
            c.ratings.iter().map(move |r| IndexRating {
                group: group.clone(),
                period: period.clone(),
                normalised: r.normalised,
            })
        })
        .collect();
    index(&ratings)
}

/// Attitude questions are the rating questions whose key ends in `attitude`
/// (`technician_attitude`, `agent_attitude`); the appraisal reports them apart.
pub fn is_attitude(key: &str) -> bool {
    key.ends_with("attitude")
}

#[derive(Default)]
struct Acc {
    name: String,
    sum: u64,
    count: u64,
    items: BTreeMap<String, (u64, u64)>,
    repeats: u32,
}

fn group_key(group: ScoreGroup, c: &ScoredCallback) -> Option<(String, String, Option<u32>)> {
    match group {
        ScoreGroup::Technician => Some((
            c.technician_id.clone(),
            c.technician_name.clone(),
            c.scores.technician_milli,
        )),
        ScoreGroup::Agent => c
            .agent
            .clone()
            .map(|a| (a.clone(), a, c.scores.agent_milli)),
        ScoreGroup::Team => Some((c.team.clone(), c.team.clone(), c.scores.overall_milli)),
        ScoreGroup::District => Some((
            c.district.clone(),
            c.district.clone(),
            c.scores.overall_milli,
        )),
    }
}

fn item_scores(items: &BTreeMap<String, (u64, u64)>) -> Vec<ItemScore> {
    items
        .iter()
        .filter_map(|(k, (sum, n))| {
            mean_milli(*sum, *n).map(|m| ItemScore {
                key: k.clone(),
                ratings: *n as u32,
                mean_milli: m,
            })
        })
        .collect()
}

/// Score lines for `group`, best first with competition ranks (1, 1, 3): callbacks
/// without a score for the group (e.g. no agent known) are left out.
pub fn lines(group: ScoreGroup, callbacks: &[ScoredCallback]) -> Vec<ScoreLine> {
    let mut acc: BTreeMap<String, Acc> = BTreeMap::new();
    for c in callbacks {
        let Some((key, name, score)) = group_key(group, c) else {
            continue;
        };
        let Some(score) = score else { continue };
        let a = acc.entry(key).or_default();
        a.name = name;
        a.sum += u64::from(score);
        a.count += 1;
        for r in &c.ratings {
            let e = a.items.entry(r.key.clone()).or_default();
            e.0 += u64::from(r.milli);
            e.1 += 1;
        }
        if c.problem_persists {
            a.repeats += 1;
        }
    }
    let mut sorted: Vec<(String, Acc)> = acc.into_iter().collect();
    let better = |a: &Acc, b: &Acc| -> Ordering {
        // a.sum/a.count vs b.sum/b.count, higher first.
        (u128::from(b.sum) * u128::from(a.count)).cmp(&(u128::from(a.sum) * u128::from(b.count)))
    };
    sorted.sort_by(|(ka, a), (kb, b)| {
        better(a, b)
            .then(b.count.cmp(&a.count))
            .then(a.name.cmp(&b.name))
            .then(ka.cmp(kb))
    });
    let mut out: Vec<ScoreLine> = Vec::with_capacity(sorted.len());
    for (i, (key, a)) in sorted.iter().enumerate() {
        let rank = match i.checked_sub(1).map(|p| &sorted[p].1) {
            Some(prev) if better(prev, a) == Ordering::Equal => {
                out.last().map(|l| l.rank).unwrap_or(1)
            }
            _ => i as u32 + 1,
        };
        out.push(ScoreLine {
            rank,
            key: key.clone(),
            name: a.name.clone(),
            callbacks: a.count as u32,
            mean_milli: mean_milli(a.sum, a.count).unwrap_or(0),
            items: item_scores(&a.items),
            repeat_repairs: a.repeats,
        });
    }
    out
}

/// Most comments a ranking keeps.
pub const MAX_COMMENTS: usize = 50;

/// What went wrong most in a period: the three lowest-scoring questions, the comments
/// (newest first) and the repeat repairs.
pub fn problems(callbacks: &[ScoredCallback]) -> ProminentProblems {
    let mut items: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    for c in callbacks {
        for r in &c.ratings {
            let e = items.entry(r.key.clone()).or_default();
            e.0 += u64::from(r.milli);
            e.1 += 1;
        }
    }
    let mut lowest = item_scores(&items);
    lowest.sort_by(|a, b| {
        // Exact means ascending, then key.
        let (sa, na) = items[&a.key];
        let (sb, nb) = items[&b.key];
        (u128::from(sa) * u128::from(nb))
            .cmp(&(u128::from(sb) * u128::from(na)))
            .then(a.key.cmp(&b.key))
    });
    lowest.truncate(3);
    let mut newest: Vec<&ScoredCallback> = callbacks.iter().collect();
    newest.sort_by_key(|c| std::cmp::Reverse(c.answered_at));
    let comments = newest
        .iter()
        .filter(|c| !c.comment.is_empty())
        .take(MAX_COMMENTS)
        .map(|c| c.comment.clone())
        .collect();
    let mut repeat_repairs: Vec<String> = callbacks
        .iter()
        .filter(|c| c.problem_persists)
        .map(|c| c.work_order_number.clone())
        .collect();
    repeat_repairs.sort();
    ProminentProblems {
        lowest_items: lowest,
        comments,
        repeat_repairs,
    }
}

/// One rating placed in a group and a period, for the satisfaction index.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexRating {
    /// Team or district.
    pub group: String,
    /// Period label.
    pub period: String,
    /// Between worst (0.0) and best (1.0).
    pub normalised: f64,
}

/// The satisfaction index per group and period, with the whole department as `all`:
/// the mean place of every rating between the worst and the best level, 0–100 (in
/// tenths), and the change from the group's previous period that had ratings.
pub fn index(ratings: &[IndexRating]) -> Vec<SatisfactionPoint> {
    let mut acc: BTreeMap<(String, String), (f64, u32)> = BTreeMap::new();
    for r in ratings {
        for g in [r.group.as_str(), "all"] {
            let e = acc.entry((g.to_owned(), r.period.clone())).or_default();
            e.0 += r.normalised;
            e.1 += 1;
        }
    }
    let mut out: Vec<SatisfactionPoint> = Vec::with_capacity(acc.len());
    for ((group, period), (sum, n)) in acc {
        let value = (sum / f64::from(n) * 1000.0).round() as u32;
        let change = out
            .last()
            .filter(|p| p.group == group)
            .map(|p| value as i32 - p.index_tenths as i32);
        out.push(SatisfactionPoint {
            group,
            period,
            ratings: n,
            index_tenths: value,
            change_tenths: change,
        });
    }
    out
}

/// A visit done in the appraisal period.
#[derive(Debug, Clone, PartialEq)]
pub struct AppraisalVisit {
    /// Technician id.
    pub technician_id: String,
    /// Technician name.
    pub technician_name: String,
    /// Team.
    pub team: String,
    /// Agent who took the request.
    pub agent: Option<String>,
    /// Its callback's answer, when answered.
    pub answer: Option<ScoredCallback>,
    /// Whether the callback raised a follow-up.
    pub follow_up: bool,
}

#[derive(Default)]
struct PersonAcc {
    name: String,
    team: String,
    workload: u32,
    rated: u32,
    repeats: u32,
    follow_ups: u32,
    attitude: (u64, u64),
    score: (u64, u64),
}

/// Per-person figures for the appraisal: technicians then agents, by name.
pub fn appraisal(visits: &[AppraisalVisit]) -> Vec<AppraisalLine> {
    let mut techs: BTreeMap<String, PersonAcc> = BTreeMap::new();
    let mut agents: BTreeMap<String, PersonAcc> = BTreeMap::new();
    for v in visits {
        let t = techs.entry(v.technician_id.clone()).or_default();
        t.name = v.technician_name.clone();
        t.team = v.team.clone();
        add(t, v, true);
        if let Some(agent) = &v.agent {
            let a = agents.entry(agent.clone()).or_default();
            a.name = agent.clone();
            add(a, v, false);
        }
    }
    let mut out: Vec<AppraisalLine> = Vec::new();
    for (role, map) in [("technician", techs), ("agent", agents)] {
        let mut lines: Vec<AppraisalLine> = map
            .into_iter()
            .map(|(key, p)| AppraisalLine {
                role: role.into(),
                key,
                name: p.name,
                team: p.team,
                workload: p.workload,
                rated_callbacks: p.rated,
                repeat_repairs: p.repeats,
                follow_ups: p.follow_ups,
                attitude_milli: mean_milli(p.attitude.0, p.attitude.1),
                score_milli: mean_milli(p.score.0, p.score.1),
            })
            .collect();
        lines.sort_by(|a, b| a.name.cmp(&b.name).then(a.key.cmp(&b.key)));
        out.extend(lines);
    }
    out
}

fn add(p: &mut PersonAcc, v: &AppraisalVisit, technician: bool) {
    p.workload += 1;
    if v.follow_up {
        p.follow_ups += 1;
    }
    let Some(c) = &v.answer else { return };
    let score = if technician {
        c.scores.technician_milli
    } else {
        c.scores.agent_milli
    };
    if let Some(s) = score {
        p.rated += 1;
        p.score = (p.score.0 + u64::from(s), p.score.1 + 1);
    }
    if technician && c.problem_persists {
        p.repeats += 1;
    }
    let rated = if technician {
        Rated::Technician
    } else {
        Rated::Agent
    };
    for r in c
        .ratings
        .iter()
        .filter(|r| r.rates == Some(rated) && is_attitude(&r.key))
    {
        p.attitude = (p.attitude.0 + u64::from(r.milli), p.attitude.1 + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cb(tech: &str, agent: Option<&str>, t: u32, a: u32, at: i64) -> ScoredCallback {
        ScoredCallback {
            work_order_number: format!("W-{tech}-{at}"),
            technician_id: tech.into(),
            technician_name: tech.to_uppercase(),
            team: format!("team-{}", &tech[..1]),
            agent: agent.map(str::to_owned),
            district: "tianhe".into(),
            answered_at: DateTime::<Utc>::from_timestamp(at, 0).expect("time"),
            scores: CallbackScores {
                technician_milli: Some(t),
                agent_milli: agent.map(|_| a),
                overall_milli: Some((t + a) / 2),
            },
            ratings: vec![
                Rating {
                    key: "technician_attitude".into(),
                    milli: t,
                    normalised: (f64::from(t) - 700.0) / 400.0,
                    rates: Some(Rated::Technician),
                },
                Rating {
                    key: "agent_attitude".into(),
                    milli: a,
                    normalised: (f64::from(a) - 700.0) / 400.0,
                    rates: Some(Rated::Agent),
                },
            ],
            problem_persists: false,
            comment: String::new(),
        }
    }

    #[test]
    fn technicians_rank_by_the_mean_of_their_callbacks_and_ties_share_a_rank() {
        // a: (1100 + 1000) / 2 = 1050; b: 1050 in one callback; c: 900.
        let calls = vec![
            cb("a", Some("li"), 1100, 1000, 1),
            cb("a", Some("li"), 1000, 1000, 2),
            cb("b", Some("wang"), 1050, 900, 3),
            cb("c", None, 900, 0, 4),
        ];
        let l = lines(ScoreGroup::Technician, &calls);
        let got: Vec<(u32, &str, u32, u32)> = l
            .iter()
            .map(|x| (x.rank, x.key.as_str(), x.mean_milli, x.callbacks))
            .collect();
        // Equal means: both rank 1 (more callbacks listed first); the next rank is 3.
        assert_eq!(
            got,
            vec![(1, "a", 1050, 2), (1, "b", 1050, 1), (3, "c", 900, 1)]
        );
        assert_eq!(l[0].items[1].key, "technician_attitude");
        assert_eq!(l[0].items[1].mean_milli, 1050);
    }

    #[test]
    fn ties_are_decided_on_exact_means_not_rounded_ones() {
        // 1000.33… and 1000.5 both show as about 1000 but are not equal.
        let calls = vec![
            cb("a", None, 1001, 0, 1),
            cb("a", None, 1000, 0, 2),
            cb("a", None, 1000, 0, 3),
            cb("b", None, 1001, 0, 4),
            cb("b", None, 1000, 0, 5),
        ];
        let l = lines(ScoreGroup::Technician, &calls);
        assert_eq!((l[0].key.as_str(), l[0].rank), ("b", 1));
        assert_eq!((l[1].key.as_str(), l[1].rank), ("a", 2));
        assert_eq!(l[0].mean_milli, 1001); // 1000.5 rounds up
        assert_eq!(l[1].mean_milli, 1000);
    }

    #[test]
    fn agents_without_a_known_agent_are_left_out_and_empty_periods_rank_nobody() {
        let calls = vec![cb("a", Some("li"), 1000, 800, 1), cb("b", None, 1000, 0, 2)];
        let l = lines(ScoreGroup::Agent, &calls);
        assert_eq!(l.len(), 1);
        assert_eq!((l[0].key.as_str(), l[0].mean_milli), ("li", 800));
        assert!(lines(ScoreGroup::Technician, &[]).is_empty());
        let p = problems(&[]);
        assert!(p.lowest_items.is_empty() && p.comments.is_empty() && p.repeat_repairs.is_empty());
    }

    #[test]
    fn prominent_problems_list_the_lowest_items_comments_and_repeats() {
        let mut x = cb("a", Some("li"), 800, 1100, 1);
        x.comment = "slow".into();
        let mut y = cb("b", Some("li"), 1000, 1000, 2);
        y.problem_persists = true;
        y.comment = "still jams".into();
        let p = problems(&[x, y.clone()]);
        assert_eq!(p.lowest_items[0].key, "technician_attitude");
        assert_eq!(p.lowest_items[0].mean_milli, 900);
        assert_eq!(p.lowest_items[1].key, "agent_attitude");
        assert_eq!(p.comments, vec!["still jams", "slow"]);
        assert_eq!(p.repeat_repairs, vec![y.work_order_number]);
    }

    #[test]
    fn the_index_maps_worst_to_0_and_best_to_100_with_the_change() {
        let r = |group: &str, period: &str, n: f64| IndexRating {
            group: group.into(),
            period: period.into(),
            normalised: n,
        };
        let points = index(&[
            r("north", "2026-Q3", 1.0),
            r("north", "2026-Q3", 0.5),
            r("north", "2026-Q4", 0.25),
            r("south", "2026-Q4", 0.0),
        ]);
        let got: Vec<(&str, &str, u32, u32, Option<i32>)> = points
            .iter()
            .map(|p| {
                (
                    p.group.as_str(),
                    p.period.as_str(),
                    p.ratings,
                    p.index_tenths,
                    p.change_tenths,
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("all", "2026-Q3", 2, 750, None),
                ("all", "2026-Q4", 2, 125, Some(-625)),
                ("north", "2026-Q3", 2, 750, None),
                ("north", "2026-Q4", 1, 250, Some(-500)),
                ("south", "2026-Q4", 1, 0, None),
            ]
        );
    }

    #[test]
    fn appraisal_counts_workload_quality_and_attitude_per_person() {
        let mut answered = cb("a", Some("li"), 900, 1100, 1);
        answered.problem_persists = true;
        let visits = vec![
            AppraisalVisit {
                technician_id: "a".into(),
                technician_name: "A".into(),
                team: "t".into(),
                agent: Some("li".into()),
                answer: Some(answered),
                follow_up: true,
            },
            AppraisalVisit {
                technician_id: "a".into(),
                technician_name: "A".into(),
                team: "t".into(),
                agent: None,
                answer: None,
                follow_up: false,
            },
        ];
        let lines = appraisal(&visits);
        assert_eq!(lines.len(), 2);
        let t = &lines[0];
        assert_eq!(
            (
                t.role.as_str(),
                t.workload,
                t.rated_callbacks,
                t.repeat_repairs,
                t.follow_ups
            ),
            ("technician", 2, 1, 1, 1)
        );
        assert_eq!((t.attitude_milli, t.score_milli), (Some(900), Some(900)));
        let a = &lines[1];
        assert_eq!(
            (a.role.as_str(), a.workload, a.attitude_milli),
            ("agent", 1, Some(1100))
        );
        assert_eq!(a.repeat_repairs, 0);
    }

    fn callback(status: CallbackStatus, overdue: bool) -> Callback {
        Callback {
            id: uuid::Uuid::nil(),
            kind: aftercare_contracts::survey::CallbackKind::Visit,
            work_order_id: uuid::Uuid::nil(),
            work_order_number: "W-1".into(),
            ticket_id: uuid::Uuid::nil(),
            campaign_id: None,
            technician_id: uuid::Uuid::nil(),
            technician_name: "Li".into(),
            team: "north".into(),
            agent: Some("a1".into()),
            customer_id: None,
            customer_name: "ACME".into(),
            district: "tianhe".into(),
            status,
            due_at: DateTime::<Utc>::UNIX_EPOCH,
            overdue,
            failed_attempts: 0,
            attempts: vec![],
            answers: None,
            created_at: DateTime::<Utc>::UNIX_EPOCH,
            version: 1,
        }
    }

    fn answered(version: i64, answers: Vec<aftercare_contracts::survey::Answer>) -> Callback {
        use aftercare_contracts::survey::{AnswerChannel, CallbackAnswers};
        let mut c = callback(CallbackStatus::Completed, false);
        c.answers = Some(CallbackAnswers {
            questionnaire_version: version,
            answers,
            scores: CallbackScores::default(),
            problem_persists: false,
            channel: AnswerChannel::Phone,
            answered_at: DateTime::<Utc>::from_timestamp(1_790_000_000, 0).expect("time"),
        });
        c
    }

    fn answer(
        key: &str,
        level: Option<aftercare_contracts::survey::Level>,
        text: Option<&str>,
    ) -> aftercare_contracts::survey::Answer {
        aftercare_contracts::survey::Answer {
            key: key.into(),
            yes: None,
            level,
            text: text.map(str::to_owned),
        }
    }

    #[test]
    fn ratings_are_valued_by_the_version_answered_and_placed_between_its_levels() {
        use aftercare_contracts::survey::Level;
        let q = super::super::questionnaire::built_in();
        let c = answered(
            1,
            vec![
                answer("technician_attitude", Some(Level::VerySatisfied), None),
                answer("agent_attitude", Some(Level::VeryDissatisfied), None),
                answer("on_site_speed", Some(Level::Neutral), None),
                answer("comments", None, Some("  slow to arrive ")),
                answer("no_such_question", Some(Level::Satisfied), None),
            ],
        );
        let s = scored(c.clone(), std::slice::from_ref(&q)).expect("answered");
        let got: Vec<(&str, u32, f64)> = s
            .ratings
            .iter()
            .map(|r| (r.key.as_str(), r.milli, r.normalised))
            .collect();
        assert_eq!(
            got,
            [
                ("technician_attitude", 1100, 1.0),
                ("agent_attitude", 700, 0.0),
                ("on_site_speed", 900, 0.5)
            ]
        );
        assert_eq!(s.ratings[0].rates, Some(Rated::Technician));
        assert_eq!(s.comment, "slow to arrive");
        assert_eq!(s.team, "north");
        // Unknown version or no answer: nothing to score.
        assert_eq!(scored(answered(7, vec![]), std::slice::from_ref(&q)), None);
        assert_eq!(
            scored(callback(CallbackStatus::Scheduled, false), &[q]),
            None
        );
    }

    #[test]
    fn coverage_counts_each_outcome_and_rounds_half_up() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 2).expect("date");
        let calls = [
            callback(CallbackStatus::Completed, false),
            callback(CallbackStatus::Completed, false),
            callback(CallbackStatus::Refused, false),
            callback(CallbackStatus::Unreachable, false),
            callback(CallbackStatus::Scheduled, true),
            callback(CallbackStatus::Scheduled, false),
        ];
        let r = coverage(day, day, 6, &calls);
        assert_eq!(
            (
                r.visits,
                r.completed,
                r.refused,
                r.unreachable,
                r.open,
                r.overdue
            ),
            (6, 2, 1, 1, 2, 1)
        );
        // 2 / 6 = 33.33 % → 333 tenths; 2 / 3 = 66.67 % → 667.
        assert_eq!(r.coverage_tenths, 333);
        assert_eq!(coverage(day, day, 3, &calls[..2]).coverage_tenths, 667);
        assert_eq!(coverage(day, day, 0, &[]).coverage_tenths, 1000);
    }

    #[test]
    fn the_index_groups_ratings_by_team_or_district_and_local_period() {
        let a = cb("a1", Some("x"), 1100, 700, 1_790_000_000);
        let by_team = satisfaction(
            std::slice::from_ref(&a),
            IndexGroup::Team,
            Interval::Month,
            |_| NaiveDate::from_ymd_opt(2026, 9, 21).expect("date"),
        );
        assert!(
            by_team
                .iter()
                .any(|p| p.group == "team-a" && p.period == "2026-09")
        );
        assert!(by_team.iter().any(|p| p.group == "all" && p.ratings == 2));
        let by_district = satisfaction(&[a], IndexGroup::District, Interval::Quarter, |_| {
            NaiveDate::from_ymd_opt(2026, 9, 21).expect("date")
        });
        let tianhe = by_district
            .iter()
            .find(|p| p.group == "tianhe")
            .expect("district");
        assert_eq!(
            (tianhe.period.as_str(), tianhe.index_tenths),
            ("2026-Q3", 500)
        );
    }
}
