//! The limits the request schemas state (and the API document publishes) are the ones
//! the validators check: each text, number and list is accepted at its stated bounds and
//! refused one past them.
use aftercare_contracts::survey::calls::{Assignee, AssignmentRule, ReplaceCallAssignmentRules};
use aftercare_contracts::survey::{
    Answer, AttemptOutcome, QualityThreshold, QualityWindow, Question, QuestionKind,
    RecordCallback, ReplaceQualityThresholds, ReplaceQuestionnaire,
};
use aftercare_testkit::limits::{assert_count, assert_pattern, assert_range, assert_text};

use super::{calls, check_record, quality, questionnaire};

fn x(n: usize) -> String {
    "x".repeat(n)
}

fn text_question(key: String) -> Question {
    Question {
        key,
        kind: QuestionKind::Text,
        text_zh: "意见".into(),
        text_en: "Comments".into(),
        rates: None,
        required: false,
        problem_persists_on_no: false,
    }
}

fn questionnaire_request() -> ReplaceQuestionnaire {
    let q = questionnaire::built_in();
    ReplaceQuestionnaire {
        questions: q.questions,
        levels: q.levels,
        follow_up_at: q.follow_up_at,
        expected_version: 1,
    }
}

#[test]
fn a_questionnaire_is_refused_beyond_what_its_schema_states() {
    let check = |f: &dyn Fn(&mut ReplaceQuestionnaire)| {
        let mut r = questionnaire_request();
        f(&mut r);
        questionnaire::validate(&r)
    };
    assert_count::<ReplaceQuestionnaire>("questions", "questions", |n| {
        check(&|r| r.questions = (0..n).map(|i| text_question(format!("q{i}"))).collect())
    });
    assert_pattern::<ReplaceQuestionnaire>(
        "questions[].key",
        "questions[0].key",
        &[
            "machine_working",
            "q1",
            "",
            "Q1",
            "q-1",
            "q 1",
            &x(40),
            &x(41),
        ],
        |v| check(&|r| r.questions[0].key = v.clone()),
    );
    assert_text::<ReplaceQuestionnaire>("questions[].text_zh", "questions[0].text_zh", x, |v| {
        check(&|r| r.questions[0].text_zh = v.clone())
    });
    assert_text::<ReplaceQuestionnaire>("questions[].text_en", "questions[0].text_en", x, |v| {
        check(&|r| r.questions[0].text_en = v.clone())
    });
    let all = questionnaire_request().levels;
    assert_count::<ReplaceQuestionnaire>("levels", "levels", |n| {
        check(&|r| r.levels = all.iter().cycle().take(n).copied().collect())
    });
    assert_range::<ReplaceQuestionnaire>("levels[].score_milli", "levels[0].score_milli", |v| {
        let v = u32::try_from(v).ok()?;
        Some(check(&|r| r.levels[0].score_milli = v))
    });
}

#[test]
fn a_recorded_call_is_refused_beyond_what_its_schema_states() {
    let record = |note: String| RecordCallback {
        callback_id: "c".into(),
        outcome: AttemptOutcome::Refused,
        answers: vec![],
        rescheduled_to: None,
        note,
        expected_version: 1,
    };
    assert_text::<RecordCallback>("note", "note", x, |v| check_record(&record(v), 0));
    let mut q = questionnaire::built_in();
    q.questions = (0..30).map(|i| text_question(format!("q{i}"))).collect();
    let answer = |i: usize, text: String| Answer {
        key: format!("q{}", i % 30),
        yes: None,
        level: None,
        text: Some(text),
    };
    let evaluate = |answers: Vec<Answer>| {
        questionnaire::evaluate(&q, &answers)
            .err()
            .unwrap_or_default()
    };
    assert_count::<RecordCallback>("answers", "answers", |n| {
        evaluate((0..n).map(|i| answer(i, "ok".into())).collect())
    });
    assert_text::<RecordCallback>("answers[].text", "answers[0].text", x, |v| {
        evaluate(vec![answer(0, v)])
    });
}

#[test]
fn quality_thresholds_are_refused_beyond_what_their_schema_states() {
    assert_range::<ReplaceQualityThresholds>("thresholds[].count", "thresholds[0].count", |v| {
        let count = u32::try_from(v).ok()?;
        Some(quality::validate(&[QualityThreshold {
            window: QualityWindow::Month,
            count,
        }]))
    });
}

#[test]
fn call_assignment_rules_are_refused_beyond_what_their_schema_states() {
    let rule = || AssignmentRule {
        kinds: vec![],
        product_lines: vec![],
        brands: vec![],
        districts: vec![],
        assignee: Assignee::CallbackSpecialist,
    };
    assert_count::<ReplaceCallAssignmentRules>("rules", "rules", |n| {
        calls::check_rules(&vec![rule(); n])
    });
    for list in ["product_lines", "brands", "districts"] {
        assert_text::<ReplaceCallAssignmentRules>(
            &format!("rules[].{list}[]"),
            &format!("rules[0].{list}[0]"),
            x,
            |v| {
                let mut r = rule();
                match list {
                    "product_lines" => r.product_lines = vec![v],
                    "brands" => r.brands = vec![v],
                    _ => r.districts = vec![v],
                }
                calls::check_rules(&[r])
            },
        );
    }
}
