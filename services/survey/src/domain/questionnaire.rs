//! The questionnaire as data: the built-in first version, the checks a new version must
//! pass, the checks an answer must pass, and the scores an answer gives.
use std::collections::{HashMap, HashSet};

use aftercare_contracts::rpc::{FieldError, SettingVersion};
use aftercare_contracts::survey::{
    Answer, CallbackScores, Level, LevelScore, Question, QuestionKind, Questionnaire, Rated,
    ReplaceQuestionnaire, limits,
};
use chrono::{DateTime, Utc};

/// Every level, best first.
pub const LEVELS: [Level; 5] = [
    Level::VerySatisfied,
    Level::Satisfied,
    Level::Neutral,
    Level::Dissatisfied,
    Level::VeryDissatisfied,
];

/// Longest free-text answer.
pub const MAX_TEXT: usize = limits::ANSWER_TEXT.max;

fn question(
    key: &str,
    kind: QuestionKind,
    zh: &str,
    en: &str,
    rates: Option<Rated>,
    required: bool,
) -> Question {
    Question {
        key: key.into(),
        kind,
        text_zh: zh.into(),
        text_en: en.into(),
        rates,
        required,
        problem_persists_on_no: false,
    }
}

/// The default questionnaire (version 1): the company's callback script.
pub fn built_in() -> Questionnaire {
    use QuestionKind::*;
    let mut working = question(
        "machine_working",
        YesNo,
        "机器现在使用正常吗？",
        "Is the machine working now?",
        None,
        true,
    );
    working.problem_persists_on_no = true;
    Questionnaire {
        version: 1,
        questions: vec![
            working,
            question(
                "explained",
                YesNo,
                "技术员是否讲解了操作或维修情况？",
                "Did the technician explain the operation or the repair?",
                None,
                true,
            ),
            question(
                "technician_attitude",
                Rating,
                "技术员服务态度",
                "Technician's attitude",
                Some(Rated::Technician),
                true,
            ),
            question(
                "technician_skill",
                Rating,
                "技术员技术水平",
                "Technician's skill",
                Some(Rated::Technician),
                true,
            ),
            question(
                "agent_attitude",
                Rating,
                "客服人员服务态度",
                "Service agent's attitude",
                Some(Rated::Agent),
                true,
            ),
            question(
                "on_site_speed",
                Rating,
                "上门速度",
                "Speed of the visit",
                Some(Rated::Technician),
                true,
            ),
            question(
                "comments",
                Text,
                "意见和建议",
                "Comments and suggestions",
                None,
                false,
            ),
        ],
        levels: vec![
            LevelScore {
                level: Level::VerySatisfied,
                score_milli: 1100,
            },
            LevelScore {
                level: Level::Satisfied,
                score_milli: 1000,
            },
            LevelScore {
                level: Level::Neutral,
                score_milli: 900,
            },
            LevelScore {
                level: Level::Dissatisfied,
                score_milli: 800,
            },
            LevelScore {
                level: Level::VeryDissatisfied,
                score_milli: 700,
            },
        ],
        follow_up_at: Level::Dissatisfied,
        updated_at: DateTime::<Utc>::UNIX_EPOCH,
        updated_by: "system".into(),
    }
}

fn err(field: String, code: &str, message: impl Into<String>) -> FieldError {
    FieldError {
        field,
        code: code.into(),
        message: message.into(),
    }
}

fn valid_key(key: &str) -> bool {
    (limits::KEY.matches)(key)
}

/// A stored questionnaire as one version of a company setting, for the settings' history:
/// its questions in order, each an entry as the questionnaire's `GET` answers it, then one
/// entry with the level scores and the follow-up level.
pub fn as_setting_version(q: Questionnaire) -> SettingVersion {
    let mut items: Vec<serde_json::Value> = q
        .questions
        .iter()
        .filter_map(|question| serde_json::to_value(question).ok())
        .collect();
    items.push(serde_json::json!({"levels": q.levels, "follow_up_at": q.follow_up_at}));
    SettingVersion {
        version: q.version,
        updated_at: q.updated_at,
        updated_by: q.updated_by,
        updated_by_name: None,
        items,
    }
}

/// The version that replaces version `current` with a checked request: the next number,
/// the question texts trimmed, who saved it and when.
pub fn next_version(
    current: i64,
    req: ReplaceQuestionnaire,
    by: String,
    at: DateTime<Utc>,
) -> Questionnaire {
    Questionnaire {
        version: current + 1,
        questions: req
            .questions
            .into_iter()
            .map(|mut x| {
                x.text_zh = x.text_zh.trim().to_owned();
                x.text_en = x.text_en.trim().to_owned();
                x
            })
            .collect(),
        levels: req.levels,
        follow_up_at: req.follow_up_at,
        updated_at: at,
        updated_by: by,
    }
}

/// Problems with a new questionnaire version.
pub fn validate(req: &ReplaceQuestionnaire) -> Vec<FieldError> {
    let mut e = Vec::new();
    if !limits::QUESTIONS.allows(req.questions.len()) {
        e.push(err(
            "questions".into(),
            "out_of_range",
            "a questionnaire has 1-30 questions",
        ));
    }
    let mut keys = HashSet::new();
    for (i, q) in req.questions.iter().enumerate() {
        let at = |f: &str| format!("questions[{i}].{f}");
        if !valid_key(&q.key) {
            e.push(err(
                at("key"),
                "invalid",
                "key must be 1-40 characters of a-z, 0-9 and _",
            ));
        } else if !keys.insert(q.key.as_str()) {
            e.push(err(
                at("key"),
                "duplicate",
                format!("{} appears twice", q.key),
            ));
        }
        limits::QUESTION_TEXT.check(&mut e, &at("text_zh"), &q.text_zh);
        limits::QUESTION_TEXT.check(&mut e, &at("text_en"), &q.text_en);
        if q.rates.is_some() && q.kind != QuestionKind::Rating {
            e.push(err(
                at("rates"),
                "invalid",
                "only rating questions rate someone",
            ));
        }
        if q.problem_persists_on_no && q.kind != QuestionKind::YesNo {
            e.push(err(
                at("problem_persists_on_no"),
                "invalid",
                "only yes/no questions can mean the problem persists",
            ));
        }
    }
    let mut seen = HashSet::new();
    for (i, l) in req.levels.iter().enumerate() {
        if !seen.insert(l.level) {
            e.push(err(
                format!("levels[{i}].level"),
                "duplicate",
                "each level appears once",
            ));
        }
        limits::SCORE_MILLI.check(&mut e, &format!("levels[{i}].score_milli"), l.score_milli);
    }
    if !limits::LEVELS.allows(req.levels.len()) || seen.len() != LEVELS.len() {
        e.push(err(
            "levels".into(),
            "incomplete",
            "every one of the five levels needs a score, each once",
        ));
    } else {
        // Better levels must not score lower than worse ones.
        let score: HashMap<Level, u32> = req
            .levels
            .iter()
            .map(|l| (l.level, l.score_milli))
            .collect();
        if LEVELS.windows(2).any(|w| score[&w[0]] < score[&w[1]]) {
            e.push(err(
                "levels".into(),
                "not_ordered",
                "a better level must not score lower than a worse one",
            ));
        }
        if score[&Level::VerySatisfied] == score[&Level::VeryDissatisfied] {
            e.push(err(
                "levels".into(),
                "flat",
                "the best and the worst level must score differently",
            ));
        }
    }
    e
}

/// What a checked answer amounts to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    /// Scores per person rated and overall.
    pub scores: CallbackScores,
    /// A "no" to a problem-persists question.
    pub problem_persists: bool,
    /// Why a follow-up is needed (empty: none).
    pub follow_up_reasons: Vec<String>,
    /// The free-text answers, joined.
    pub comment: String,
}

/// The score of `level` in `q`.
pub fn level_score(q: &Questionnaire, level: Level) -> u32 {
    q.levels
        .iter()
        .find(|l| l.level == level)
        .map(|l| l.score_milli)
        .unwrap_or(0)
}

/// Mean of thousandths, rounded half up.
pub fn mean_milli(sum: u64, count: u64) -> Option<u32> {
    (count > 0).then(|| ((2 * sum + count) / (2 * count)) as u32)
}

/// Checks answers against the questionnaire they were given for and scores them.
/// Every answer names a known question and carries the value its kind needs; every
/// required question is answered.
pub fn evaluate(q: &Questionnaire, answers: &[Answer]) -> Result<Evaluation, Vec<FieldError>> {
    let mut e = Vec::new();
    let by_key: HashMap<&str, &Question> =
        q.questions.iter().map(|x| (x.key.as_str(), x)).collect();
    let mut answered = HashSet::new();
    let (mut tech, mut agent, mut all) = ((0u64, 0u64), (0u64, 0u64), (0u64, 0u64));
    let mut persists = false;
    let mut reasons = Vec::new();
    let mut comments = Vec::new();
    if !limits::ANSWERS.allows(answers.len()) {
        return Err(vec![err(
            "answers".into(),
            "too_many",
            "at most 60 answers",
        )]);
    }
    for (i, a) in answers.iter().enumerate() {
        let at = |f: &str| format!("answers[{i}].{f}");
        let Some(question) = by_key.get(a.key.as_str()) else {
            e.push(err(
                at("key"),
                "unknown_question",
                format!(
                    "questionnaire version {} has no question {:?}",
                    q.version, a.key
                ),
            ));
            continue;
        };
        if !answered.insert(a.key.as_str()) {
            e.push(err(
                at("key"),
                "duplicate",
                format!("{} answered twice", a.key),
            ));
            continue;
        }
        let values = [a.yes.is_some(), a.level.is_some(), a.text.is_some()]
            .iter()
            .filter(|v| **v)
            .count();
        match question.kind {
            QuestionKind::YesNo => match a.yes {
                Some(yes) if values == 1 => {
                    if !yes && question.problem_persists_on_no {
                        persists = true;
                        reasons.push(format!("{}: no", a.key));
                    }
                }
                _ => e.push(err(
                    at("yes"),
                    "required",
                    format!("{} takes yes (true/false) only", a.key),
                )),
            },
            QuestionKind::Rating => match a.level {
                Some(level) if values == 1 => {
                    let s = u64::from(level_score(q, level));
                    all = (all.0 + s, all.1 + 1);
                    match question.rates {
                        Some(Rated::Technician) => tech = (tech.0 + s, tech.1 + 1),
                        Some(Rated::Agent) => agent = (agent.0 + s, agent.1 + 1),
                        None => {}
                    }
                    if level >= q.follow_up_at {
                        reasons.push(format!("{}: {}", a.key, level_name(level)));
                    }
                }
                _ => e.push(err(
                    at("level"),
                    "required",
                    format!("{} takes level only", a.key),
                )),
            },
            QuestionKind::Text => match &a.text {
                Some(text) if values == 1 => {
                    let before = e.len();
                    limits::ANSWER_TEXT.check(&mut e, &at("text"), text);
                    if e.len() == before && !text.trim().is_empty() {
                        comments.push(text.trim().to_owned());
                    }
                }
                _ => e.push(err(
                    at("text"),
                    "required",
                    format!("{} takes text only", a.key),
                )),
            },
        }
    }
    for (i, question) in q.questions.iter().enumerate() {
        if question.required && !answered.contains(question.key.as_str()) {
            e.push(err(
                "answers".into(),
                "missing_answer",
                format!("question {} ({}) is required", i + 1, question.key),
            ));
        }
    }
    if !e.is_empty() {
        return Err(e);
    }
    let comment = comments.join("\n");
    if !comment.is_empty() {
        reasons.push("comment".into());
    }
    Ok(Evaluation {
        scores: CallbackScores {
            technician_milli: mean_milli(tech.0, tech.1),
            agent_milli: mean_milli(agent.0, agent.1),
            overall_milli: mean_milli(all.0, all.1),
        },
        problem_persists: persists,
        follow_up_reasons: reasons,
        comment,
    })
}

/// The wire name of a level.
pub fn level_name(level: Level) -> &'static str {
    match level {
        Level::VerySatisfied => "very_satisfied",
        Level::Satisfied => "satisfied",
        Level::Neutral => "neutral",
        Level::Dissatisfied => "dissatisfied",
        Level::VeryDissatisfied => "very_dissatisfied",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_questionnaire_version_reads_as_its_questions_then_its_scores() {
        let q = built_in();
        let v = as_setting_version(q.clone());
        assert_eq!((v.version, &v.updated_by), (q.version, &q.updated_by));
        assert_eq!(v.items.len(), q.questions.len() + 1);
        for (item, question) in v.items.iter().zip(&q.questions) {
            assert_eq!(item, &serde_json::to_value(question).expect("json"));
        }
        let last = v.items.last().expect("the scores");
        assert_eq!(
            last["levels"],
            serde_json::to_value(&q.levels).expect("json")
        );
        assert_eq!(
            last["follow_up_at"],
            serde_json::to_value(q.follow_up_at).expect("json")
        );
    }

    fn rating(key: &str, level: Level) -> Answer {
        Answer {
            key: key.into(),
            yes: None,
            level: Some(level),
            text: None,
        }
    }

    fn yes(key: &str, yes: bool) -> Answer {
        Answer {
            key: key.into(),
            yes: Some(yes),
            level: None,
            text: None,
        }
    }

    fn full(levels: [Level; 4]) -> Vec<Answer> {
        vec![
            yes("machine_working", true),
            yes("explained", true),
            rating("technician_attitude", levels[0]),
            rating("technician_skill", levels[1]),
            rating("agent_attitude", levels[2]),
            rating("on_site_speed", levels[3]),
        ]
    }

    #[test]
    fn the_built_in_questionnaire_passes_its_own_checks() {
        let q = built_in();
        let req = ReplaceQuestionnaire {
            questions: q.questions,
            levels: q.levels,
            follow_up_at: q.follow_up_at,
            expected_version: 1,
        };
        assert_eq!(validate(&req), vec![]);
    }

    #[test]
    fn scores_are_means_of_the_level_scores_per_person() {
        use Level::*;
        let ev = evaluate(
            &built_in(),
            &full([VerySatisfied, Satisfied, Neutral, Satisfied]),
        )
        .expect("valid");
        // Technician: (1.1 + 1.0 + 1.0) / 3 = 1.0333… → 1033; agent 0.9; overall 4.0/4 = 1.0.
        assert_eq!(ev.scores.technician_milli, Some(1033));
        assert_eq!(ev.scores.agent_milli, Some(900));
        assert_eq!(ev.scores.overall_milli, Some(1000));
        assert!(!ev.problem_persists);
        assert!(ev.follow_up_reasons.is_empty());
    }

    #[test]
    fn means_round_half_up() {
        assert_eq!(mean_milli(2001, 2), Some(1001)); // 1000.5
        assert_eq!(mean_milli(2000, 3), Some(667)); // 666.67
        assert_eq!(mean_milli(0, 0), None);
    }

    #[test]
    fn dissatisfied_ratings_and_comments_need_a_follow_up() {
        use Level::*;
        let mut answers = full([Dissatisfied, Satisfied, VeryDissatisfied, Satisfied]);
        answers.push(Answer {
            key: "comments".into(),
            yes: None,
            level: None,
            text: Some("  来得太晚 ".into()),
        });
        let ev = evaluate(&built_in(), &answers).expect("valid");
        assert_eq!(
            ev.follow_up_reasons,
            vec![
                "technician_attitude: dissatisfied",
                "agent_attitude: very_dissatisfied",
                "comment"
            ]
        );
        assert_eq!(ev.comment, "来得太晚");
        // Neutral does not, nor does an empty comment.
        let mut answers = full([Neutral, Neutral, Neutral, Neutral]);
        answers.push(Answer {
            key: "comments".into(),
            yes: None,
            level: None,
            text: Some("   ".into()),
        });
        assert!(
            evaluate(&built_in(), &answers)
                .expect("valid")
                .follow_up_reasons
                .is_empty()
        );
    }

    #[test]
    fn a_machine_still_down_means_the_problem_persists() {
        let mut answers = full([Level::Satisfied; 4]);
        answers[0] = yes("machine_working", false);
        let ev = evaluate(&built_in(), &answers).expect("valid");
        assert!(ev.problem_persists);
        assert_eq!(ev.follow_up_reasons, vec!["machine_working: no"]);
    }

    #[test]
    fn bad_answers_name_the_field() {
        let mut answers = full([Level::Satisfied; 4]);
        answers[1] = rating("explained", Level::Satisfied);
        answers.push(rating("weather", Level::Satisfied));
        answers.remove(5);
        let errors = evaluate(&built_in(), &answers).expect_err("invalid");
        let fields: Vec<(&str, &str)> = errors
            .iter()
            .map(|e| (e.field.as_str(), e.code.as_str()))
            .collect();
        assert_eq!(
            fields,
            vec![
                ("answers[1].yes", "required"),
                ("answers[5].key", "unknown_question"),
                ("answers", "missing_answer"),
            ]
        );
    }

    #[test]
    fn a_new_version_must_be_coherent() {
        let q = built_in();
        let mut req = ReplaceQuestionnaire {
            questions: q.questions.clone(),
            levels: q.levels.clone(),
            follow_up_at: Level::Dissatisfied,
            expected_version: 1,
        };
        req.questions[1].key = "machine_working".into();
        req.questions[0].rates = Some(Rated::Agent);
        req.levels[0].score_milli = 500;
        req.levels.pop();
        let codes: Vec<(String, String)> = validate(&req)
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect();
        assert_eq!(
            codes,
            vec![
                ("questions[0].rates".to_owned(), "invalid".to_owned()),
                ("questions[1].key".to_owned(), "duplicate".to_owned()),
                ("levels".to_owned(), "incomplete".to_owned()),
            ]
        );
        let mut req2 = ReplaceQuestionnaire {
            questions: q.questions,
            levels: q.levels,
            follow_up_at: Level::Dissatisfied,
            expected_version: 1,
        };
        req2.levels[0].score_milli = 500;
        assert_eq!(validate(&req2)[0].code, "not_ordered");
    }

    #[test]
    fn a_new_version_follows_the_current_one_with_trimmed_texts() {
        let q = built_in();
        let mut questions = q.questions.clone();
        questions[0].text_en = "  Is the machine working now?  ".into();
        questions[0].text_zh = " 机器现在使用正常吗？".into();
        let req = ReplaceQuestionnaire {
            questions,
            levels: q.levels.clone(),
            follow_up_at: Level::Neutral,
            expected_version: 3,
        };
        let at = DateTime::<Utc>::from_timestamp(1_790_000_000, 0).expect("time");
        let next = next_version(3, req, "m1".into(), at);
        assert_eq!(next.version, 4);
        assert_eq!(next.questions[0].text_en, "Is the machine working now?");
        assert_eq!(next.questions[0].text_zh, "机器现在使用正常吗？");
        assert_eq!(next.follow_up_at, Level::Neutral);
        assert_eq!((next.updated_by.as_str(), next.updated_at), ("m1", at));
        assert_eq!(next.levels, q.levels);
    }
}
