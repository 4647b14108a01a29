//! The renewal pipeline's calendar (续保跟进): a contract or warranty is listed two months
//! ahead (on the 1st, a September end is listed on 1 July), called from the 1st of the
//! month before it ends (1 August), then followed up weekly until the customer renews or
//! declines; unanswered, it lapses the day after it ends.
use aftercare_contracts::Money;
use aftercare_contracts::billing::{
    Contract, ContractCoverage, CreateContract, Renewal, RenewalKind, RenewalStatus,
};
use aftercare_contracts::intake::MachineInfo;
use aftercare_contracts::rpc::FieldError;
use chrono::{Datelike, Months, NaiveDate};
use uuid::Uuid;

fn first_of_month(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

/// The last day whose ends are listed on `today`: the end of the month after next.
pub fn listing_horizon(today: NaiveDate) -> NaiveDate {
    first_of_month(today)
        .checked_add_months(Months::new(3))
        .and_then(|d| d.pred_opt())
        .unwrap_or(today)
}

/// The first follow-up day of something ending on `ends_on`: the 1st of the month before.
pub fn follow_up_from(ends_on: NaiveDate) -> NaiveDate {
    first_of_month(ends_on)
        .checked_sub_months(Months::new(1))
        .unwrap_or(ends_on)
}

/// The next follow-up after one made on `day`.
pub fn next_after(day: NaiveDate) -> NaiveDate {
    day + chrono::Duration::days(7)
}

/// The first follow-up of something listed on `listed_on`: its follow-up day, or at once
/// when that has passed.
pub fn first_follow_up(listed_on: NaiveDate, ends_on: NaiveDate) -> NaiveDate {
    follow_up_from(ends_on).max(listed_on)
}

/// The period of the contract that renews one ending on `old_end`: from the next day to
/// `ends_on`, or for a year.
pub fn renewed_period(old_end: NaiveDate, ends_on: Option<NaiveDate>) -> (NaiveDate, NaiveDate) {
    let start = old_end.succ_opt().unwrap_or(old_end);
    let end =
        ends_on.unwrap_or_else(|| aftercare_calendar::last_day_of_term(start, 12).unwrap_or(start));
    (start, end)
}

/// What a sweep on `today` makes of an open renewal whose follow-up day has come or whose
/// end has passed: lapsed from the day after its end, else followed up once more and due
/// again a week later (a sweep that missed days follows up once, not once per week missed).
pub fn swept(r: Renewal, today: NaiveDate) -> Renewal {
    let lapsed = r.ends_on < today;
    Renewal {
        status: if lapsed {
            RenewalStatus::Lapsed
        } else {
            RenewalStatus::Open
        },
        follow_ups: r.follow_ups + u32::from(!lapsed),
        next_follow_up: (!lapsed).then(|| next_after(today)),
        version: r.version + 1,
        ..r
    }
}

/// What a registered warranty card ending soon says about the machine and its owner.
#[derive(Debug, Clone)]
pub struct EndingWarranty {
    /// The warranty card's number.
    pub card_number: String,
    /// The customer record.
    pub customer_id: Uuid,
    /// The company on the card.
    pub company: String,
    /// Its district.
    pub district: String,
    /// Its address.
    pub address: String,
    /// The machine.
    pub machine: MachineInfo,
    /// The warranty's last day.
    pub ends_on: NaiveDate,
}

/// The open renewal listed on `today` for a contract ending soon: offered again at its
/// price and coverage.
pub fn of_contract(id: Uuid, c: Contract, today: NaiveDate) -> Renewal {
    Renewal {
        id,
        kind: RenewalKind::Contract,
        source: c.number,
        customer_id: c.customer_id,
        customer_name: c.customer_name,
        district: c.district,
        address: c.address,
        machines: c.machines,
        ends_on: c.ends_on,
        coverage: Some(c.coverage),
        price: Some(c.price),
        status: RenewalStatus::Open,
        listed_on: today,
        next_follow_up: Some(first_follow_up(today, c.ends_on)),
        follow_ups: 0,
        note: None,
        renewed_by: None,
        version: 1,
    }
}

/// The open renewal listed on `today` for a warranty ending soon: a first contract, with
/// no price or coverage yet.
pub fn of_warranty(id: Uuid, w: EndingWarranty, today: NaiveDate) -> Renewal {
    Renewal {
        id,
        kind: RenewalKind::Warranty,
        source: w.card_number,
        customer_id: w.customer_id,
        customer_name: w.company,
        district: w.district,
        address: w.address,
        machines: vec![w.machine],
        ends_on: w.ends_on,
        coverage: None,
        price: None,
        status: RenewalStatus::Open,
        listed_on: today,
        next_follow_up: Some(first_follow_up(today, w.ends_on)),
        follow_ups: 0,
        note: None,
        renewed_by: None,
        version: 1,
    }
}

/// The day after a warranty ends, on which a contract already in force makes its renewal
/// offer unnecessary.
pub fn day_after(ends_on: NaiveDate) -> NaiveDate {
    ends_on.succ_opt().unwrap_or(ends_on)
}

/// The contract a renewal signs when the customer renews on `today`: from the day after
/// the old end (not before today) to `ends_on` or for a year, at the price asked or the
/// old contract's (a warranty's first contract must be given one), covering what is asked,
/// as before, or everything with a visit a month.
pub fn renewed_contract(
    r: &Renewal,
    today: NaiveDate,
    ends_on: Option<NaiveDate>,
    price: Option<Money>,
    coverage: Option<ContractCoverage>,
) -> Result<CreateContract, FieldError> {
    let (starts_on, ends_on) = renewed_period(r.ends_on, ends_on);
    let starts_on = starts_on.max(today);
    let price = match (price, &r.price) {
        (Some(p), _) => p,
        (None, Some(p)) => p.clone(),
        (None, None) => {
            return Err(FieldError {
                field: "price".into(),
                code: "required".into(),
                message: "a first contract after a warranty needs its price".into(),
            });
        }
    };
    let coverage = coverage.or(r.coverage).unwrap_or(ContractCoverage {
        call_out: true,
        labour: true,
        parts: true,
        visit_every_months: 1,
    });
    Ok(CreateContract {
        customer_id: r.customer_id,
        customer_name: r.customer_name.clone(),
        district: r.district.clone(),
        address: r.address.clone(),
        machines: r.machines.clone(),
        starts_on,
        ends_on,
        coverage,
        price,
    })
}

/// An open renewal with the customer's answer recorded (its status is set by the
/// outcome): the note kept when given, no more follow-ups, the next version.
pub fn answered(r: &Renewal, note: &str) -> Renewal {
    Renewal {
        note: Some(note.trim().to_owned()).filter(|n| !n.is_empty()),
        next_follow_up: None,
        version: r.version + 1,
        ..r.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aftercare_contracts::billing::RenewalKind;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn a_september_end_is_listed_in_july_and_called_from_august() {
        assert_eq!(listing_horizon(day(2026, 7, 1)), day(2026, 9, 30));
        assert_eq!(listing_horizon(day(2026, 7, 31)), day(2026, 9, 30));
        assert_eq!(listing_horizon(day(2026, 11, 23)), day(2027, 1, 31));
        assert_eq!(listing_horizon(day(2026, 12, 1)), day(2027, 2, 28));
        assert_eq!(follow_up_from(day(2026, 9, 15)), day(2026, 8, 1));
        assert_eq!(follow_up_from(day(2027, 1, 31)), day(2026, 12, 1));
        assert_eq!(
            first_follow_up(day(2026, 7, 1), day(2026, 9, 15)),
            day(2026, 8, 1)
        );
        // Listed late (signed in August for September): called at once.
        assert_eq!(
            first_follow_up(day(2026, 8, 20), day(2026, 9, 15)),
            day(2026, 8, 20)
        );
        assert_eq!(next_after(day(2026, 8, 1)), day(2026, 8, 8));
    }

    #[test]
    fn a_renewal_starts_the_day_after_and_runs_a_year() {
        assert_eq!(
            renewed_period(day(2026, 12, 31), None),
            (day(2027, 1, 1), day(2027, 12, 31))
        );
        assert_eq!(
            renewed_period(day(2027, 2, 28), None),
            (day(2027, 3, 1), day(2028, 2, 29))
        );
        assert_eq!(
            renewed_period(day(2026, 12, 31), Some(day(2027, 6, 30))),
            (day(2027, 1, 1), day(2027, 6, 30))
        );
    }

    fn open_renewal(ends_on: NaiveDate, next: NaiveDate) -> Renewal {
        Renewal {
            id: uuid::Uuid::nil(),
            kind: RenewalKind::Warranty,
            source: "WC-1".into(),
            customer_id: uuid::Uuid::nil(),
            customer_name: "Yuexiu Law Office".into(),
            district: "tianhe".into(),
            address: "3 Yuexiu Rd".into(),
            machines: Vec::new(),
            ends_on,
            coverage: None,
            price: None,
            status: RenewalStatus::Open,
            listed_on: day(2026, 9, 1),
            next_follow_up: Some(next),
            follow_ups: 2,
            note: None,
            renewed_by: None,
            version: 3,
        }
    }

    #[test]
    fn followed_up_weekly_up_to_the_last_day_then_lapsed() {
        let ends = day(2026, 11, 30);
        let on_last_day = swept(open_renewal(ends, ends), ends);
        assert_eq!(
            (
                on_last_day.status,
                on_last_day.follow_ups,
                on_last_day.next_follow_up
            ),
            (RenewalStatus::Open, 3, Some(day(2026, 12, 7)))
        );
        assert_eq!(on_last_day.version, 4);
        let after = swept(on_last_day, day(2026, 12, 1));
        assert_eq!(
            (after.status, after.follow_ups, after.next_follow_up),
            (RenewalStatus::Lapsed, 3, None),
            "the day after its end it lapses without another call"
        );
    }

    #[test]
    fn a_sweep_that_missed_weeks_follows_up_once() {
        let r = swept(
            open_renewal(day(2026, 12, 31), day(2026, 11, 2)),
            day(2026, 11, 23),
        );
        assert_eq!(
            (r.follow_ups, r.next_follow_up),
            (3, Some(day(2026, 11, 30)))
        );
    }

    #[test]
    fn a_contract_is_offered_again_and_a_warranty_needs_a_price() {
        let ends = day(2026, 12, 31);
        let mut r = open_renewal(ends, day(2026, 12, 1));
        let today = day(2026, 12, 10);
        let e = renewed_contract(&r, today, None, None, None).expect_err("refused");
        assert_eq!((e.field.as_str(), e.code.as_str()), ("price", "required"));
        let c = renewed_contract(&r, today, None, Some(Money::cny(100)), None).expect("signed");
        assert_eq!(
            (c.starts_on, c.ends_on),
            (day(2027, 1, 1), day(2027, 12, 31))
        );
        assert!(c.coverage.parts && c.coverage.visit_every_months == 1);
        r.price = Some(Money::cny(360000));
        let late = renewed_contract(&r, day(2027, 1, 20), None, None, None).expect("signed");
        assert_eq!(
            late.starts_on,
            day(2027, 1, 20),
            "not before the day renewed"
        );
        assert_eq!(late.price, Money::cny(360000));
    }

    #[test]
    fn an_answered_renewal_stops_its_follow_ups() {
        let r = open_renewal(day(2026, 12, 31), day(2026, 12, 1));
        let done = answered(&r, "  ");
        assert_eq!(
            (done.note, done.next_follow_up, done.version),
            (None, None, 4)
        );
        assert_eq!(answered(&r, " too dear ").note.as_deref(), Some("too dear"));
    }

    #[test]
    fn renewals_are_listed_with_their_first_follow_up() {
        let w = EndingWarranty {
            card_number: "WC-9".into(),
            customer_id: uuid::Uuid::nil(),
            company: "Yuexiu Law Office".into(),
            district: "yuexiu".into(),
            address: "3 Yuexiu Rd".into(),
            machine: MachineInfo {
                product_line: "copier".into(),
                brand: "Sharp".into(),
                model: "AR-2048".into(),
                serial: "S1".into(),
                purchase_date: None,
            },
            ends_on: day(2026, 9, 15),
        };
        let r = of_warranty(uuid::Uuid::nil(), w, day(2026, 7, 1));
        assert_eq!(r.kind, RenewalKind::Warranty);
        assert_eq!(r.next_follow_up, Some(day(2026, 8, 1)));
        assert_eq!((r.price, r.coverage), (None, None));
        assert_eq!(day_after(day(2026, 9, 15)), day(2026, 9, 16));
    }
}
