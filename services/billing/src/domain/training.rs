//! Training visits (培训): a customer who wants to return a machine because they do not know
//! how to use it is first offered one free training; later trainings are charged by the
//! fee schedule (以后仍需培训公司将按规定收取一定的培训费用). A machine's trainings are
//! counted by its receipts.
use aftercare_contracts::billing::Coverage;
use aftercare_contracts::dispatch::WorkType;

/// How many training visits of a machine are free before trainings are charged.
pub const FREE_TRAININGS: u32 = 1;

/// How the call-out and labour of a training visit are charged, given how many training
/// visits of the same machine were receipted before; `None` for any other kind of visit,
/// whose lines are covered as usual.
pub fn training_charge(work_type: WorkType, earlier_trainings: u32) -> Option<(Coverage, String)> {
    if work_type != WorkType::Training {
        return None;
    }
    Some(if earlier_trainings < FREE_TRAININGS {
        (
            Coverage::FreeTraining,
            "the machine's first training is free".into(),
        )
    } else {
        (
            Coverage::Chargeable,
            format!(
                "training {} of the machine: only the first is free",
                earlier_trainings + 1
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_training_is_free_and_later_ones_are_charged() {
        assert_eq!(
            training_charge(WorkType::Training, 0),
            Some((
                Coverage::FreeTraining,
                "the machine's first training is free".into()
            ))
        );
        assert_eq!(
            training_charge(WorkType::Training, 1),
            Some((
                Coverage::Chargeable,
                "training 2 of the machine: only the first is free".into()
            ))
        );
        assert_eq!(
            training_charge(WorkType::Training, 4).map(|c| c.0),
            Some(Coverage::Chargeable)
        );
    }

    #[test]
    fn other_visits_are_not_trainings() {
        for t in [
            WorkType::Repair,
            WorkType::Maintenance,
            WorkType::Installation,
        ] {
            assert_eq!(training_charge(t, 0), None, "{t:?}");
        }
    }
}
