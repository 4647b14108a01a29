//! Ticket reports, free of I/O: first-response and resolution times in working time, SLA
//! compliance, paused SLA clocks, repeat repairs and complaints, grouped by district, priority, type, tier,
//! product line, owner, month, week or the channel the request came in by.
use std::collections::BTreeMap;

use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::intake::{ReportGroup, TicketReportRow};
use chrono::{DateTime, Datelike, Utc};

/// What the report needs of one ticket.
#[derive(Debug, Clone)]
pub struct TicketFacts {
    /// Opened.
    pub opened_at: DateTime<Utc>,
    /// First response, if any.
    pub first_response_at: Option<DateTime<Utc>>,
    /// Its deadline.
    pub first_response_due: DateTime<Utc>,
    /// Resolution, if any.
    pub resolved_at: Option<DateTime<Utc>>,
    /// Its deadline.
    pub resolution_due: DateTime<Utc>,
    /// Cancelled tickets count as tickets but owe no target.
    pub cancelled: bool,
    /// Reopened at least once.
    pub reopened: bool,
    /// A complaint.
    pub complaint: bool,
    /// District, priority, type, tier, product line and owner, as wire names.
    pub district: String,
    /// Priority.
    pub priority: String,
    /// Type.
    pub ticket_type: String,
    /// The channel it came in by (`phone`, `web`, `walk_in`…).
    pub channel: String,
    /// Tier.
    pub tier: String,
    /// Product line of the machine, if any.
    pub product_line: Option<String>,
    /// Responsible account, if any.
    pub owner: Option<String>,
    /// Working time of the SLA clock's completed pauses.
    pub paused: chrono::Duration,
    /// Since when the clock stands still, if it does now.
    pub paused_since: Option<DateTime<Utc>>,
}

/// The group key of a ticket.
pub fn key(f: &TicketFacts, group: ReportGroup, calendar: &BusinessCalendar) -> String {
    let none = || "(none)".to_owned();
    match group {
        ReportGroup::District => f.district.clone(),
        ReportGroup::Priority => f.priority.clone(),
        ReportGroup::Type => f.ticket_type.clone(),
        ReportGroup::Tier => f.tier.clone(),
        ReportGroup::Channel => f.channel.clone(),
        ReportGroup::ProductLine => f.product_line.clone().unwrap_or_else(none),
        ReportGroup::Owner => f.owner.clone().unwrap_or_else(none),
        ReportGroup::Month => {
            let d = calendar.local_date(f.opened_at);
            format!("{}-{:02}", d.year(), d.month())
        }
        ReportGroup::Week => {
            let w = calendar.local_date(f.opened_at).iso_week();
            format!("{}-W{:02}", w.year(), w.week())
        }
    }
}

#[derive(Default)]
struct Acc {
    tickets: u64,
    responded: u64,
    response_met: u64,
    response_minutes: f64,
    resolved: u64,
    resolution_met: u64,
    resolution_minutes: f64,
    due: u64,
    met: u64,
    reopened: u64,
    complaints: u64,
    paused: u64,
    paused_minutes: f64,
}

impl Acc {
    fn add(&mut self, f: &TicketFacts, now: DateTime<Utc>, calendar: &BusinessCalendar) {
        self.tickets += 1;
        self.reopened += u64::from(f.reopened);
        self.complaints += u64::from(f.complaint);
        if f.paused > chrono::Duration::zero() || f.paused_since.is_some() {
            self.paused += 1;
            let open = f
                .paused_since
                .map(|s| calendar.working_time_between(s, now))
                .unwrap_or_else(chrono::Duration::zero);
            self.paused_minutes += (f.paused + open).num_seconds() as f64 / 60.0;
        }
        if let Some(at) = f.first_response_at {
            self.responded += 1;
            self.response_minutes += minutes(calendar, f.opened_at, at);
            let met = at <= f.first_response_due;
            self.response_met += u64::from(met);
            self.due += 1;
            self.met += u64::from(met);
        } else if f.first_response_due <= now && !f.cancelled {
            self.due += 1;
        }
        if let Some(at) = f.resolved_at {
            self.resolved += 1;
            self.resolution_minutes += minutes(calendar, f.opened_at, at);
            let met = at <= f.resolution_due;
            self.resolution_met += u64::from(met);
            self.due += 1;
            self.met += u64::from(met);
        } else if f.resolution_due <= now && !f.cancelled {
            self.due += 1;
        }
    }

    fn row(&self, key: String) -> TicketReportRow {
        let mean = |sum: f64, n: u64| (n > 0).then(|| (sum / n as f64 * 10.0).round() / 10.0);
        TicketReportRow {
            key,
            tickets: self.tickets,
            responded: self.responded,
            response_met: self.response_met,
            mean_response_minutes: mean(self.response_minutes, self.responded),
            resolved: self.resolved,
            resolution_met: self.resolution_met,
            mean_resolution_minutes: mean(self.resolution_minutes, self.resolved),
            sla_compliance: (self.due > 0)
                .then(|| (self.met as f64 / self.due as f64 * 1000.0).round() / 1000.0),
            paused: self.paused,
            paused_minutes: (self.paused_minutes * 10.0).round() / 10.0,
            reopened: self.reopened,
            complaints: self.complaints,
        }
    }
}

fn minutes(calendar: &BusinessCalendar, from: DateTime<Utc>, to: DateTime<Utc>) -> f64 {
    calendar.working_time_between(from, to).num_seconds() as f64 / 60.0
}

/// Rows by key (sorted) and the total, at instant `now` (targets not yet due and not
/// met count neither way).
pub fn aggregate(
    facts: &[TicketFacts],
    group: ReportGroup,
    now: DateTime<Utc>,
    calendar: &BusinessCalendar,
) -> (Vec<TicketReportRow>, TicketReportRow) {
    let mut groups: BTreeMap<String, Acc> = BTreeMap::new();
    let mut total = Acc::default();
    for f in facts {
        groups
            .entry(key(f, group, calendar))
            .or_default()
            .add(f, now, calendar);
        total.add(f, now, calendar);
    }
    (
        groups.into_iter().map(|(k, a)| a.row(k)).collect(),
        total.row("total".into()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn cst(d: u32, h: u32, m: u32) -> DateTime<Utc> {
        chrono_tz::Asia::Shanghai
            .with_ymd_and_hms(2026, 11, d, h, m, 0)
            .single()
            .expect("t")
            .with_timezone(&Utc)
    }

    fn facts(district: &str, opened: DateTime<Utc>) -> TicketFacts {
        TicketFacts {
            opened_at: opened,
            first_response_at: None,
            first_response_due: cst(23, 10, 0),
            resolved_at: None,
            resolution_due: cst(25, 10, 0),
            cancelled: false,
            reopened: false,
            complaint: false,
            district: district.into(),
            priority: "p2".into(),
            ticket_type: "fault".into(),
            channel: "phone".into(),
            tier: "standard".into(),
            product_line: Some("copier".into()),
            owner: None,
            paused: chrono::Duration::zero(),
            paused_since: None,
        }
    }

    #[test]
    fn times_are_working_minutes_and_compliance_counts_what_was_due() {
        let c = BusinessCalendar::china();
        let mut a = facts("tianhe", cst(23, 9, 0));
        a.first_response_at = Some(cst(23, 9, 30)); // met
        a.resolved_at = Some(cst(24, 9, 0)); // met: 450 working minutes
        let mut b = facts("tianhe", cst(23, 9, 0));
        b.first_response_at = Some(cst(23, 11, 0)); // missed (due 10:00)
        b.reopened = true;
        let mut cancelled = facts("haizhu", cst(23, 9, 0));
        cancelled.cancelled = true;
        cancelled.complaint = true;
        let now = cst(26, 12, 0); // both resolution deadlines passed
        let (rows, total) = aggregate(&[a, b, cancelled], ReportGroup::District, now, &c);
        assert_eq!(rows.len(), 2);
        let th = &rows[1];
        assert_eq!(
            (th.key.as_str(), th.tickets, th.responded, th.response_met),
            ("tianhe", 2, 2, 1)
        );
        assert_eq!(th.mean_response_minutes, Some(75.0));
        assert_eq!((th.resolved, th.resolution_met), (1, 1));
        assert_eq!(th.mean_resolution_minutes, Some(450.0));
        // Due: a's two targets (met), b's response (missed) and b's resolution (missed).
        assert_eq!(th.sla_compliance, Some(0.5));
        assert_eq!(th.reopened, 1);
        let hz = &rows[0];
        assert_eq!((hz.key.as_str(), hz.complaints), ("haizhu", 1));
        // A cancelled ticket owes no target.
        assert_eq!(hz.sla_compliance, None);
        assert_eq!(total.tickets, 3);
        assert_eq!((total.paused, total.paused_minutes), (0, 0.0));
    }

    #[test]
    fn paused_time_counts_completed_and_current_pauses_in_working_minutes() {
        let c = BusinessCalendar::china();
        let mut waited = facts("tianhe", cst(23, 9, 0));
        waited.paused = chrono::Duration::minutes(90);
        let mut waiting = facts("tianhe", cst(23, 9, 0));
        // Waiting since Wednesday 17:00, read Thursday 09:00: 30 + 30 working minutes.
        waiting.paused_since = Some(cst(25, 17, 0));
        let (_, total) = aggregate(
            &[waited, waiting, facts("tianhe", cst(23, 9, 0))],
            ReportGroup::District,
            cst(26, 9, 0),
            &c,
        );
        assert_eq!((total.paused, total.paused_minutes), (2, 150.0));
    }

    #[test]
    fn tickets_group_by_the_channel_they_came_in_by() {
        let c = BusinessCalendar::china();
        let mut web = facts("tianhe", cst(23, 9, 0));
        web.channel = "web".into();
        web.first_response_at = Some(cst(23, 9, 30));
        let mut walk_in = facts("haizhu", cst(23, 9, 0));
        walk_in.channel = "walk_in".into();
        walk_in.complaint = true;
        let phone = facts("tianhe", cst(23, 9, 0));
        let (rows, total) = aggregate(
            &[web, walk_in, phone.clone(), phone],
            ReportGroup::Channel,
            cst(23, 12, 0),
            &c,
        );
        let keys: Vec<(&str, u64)> = rows.iter().map(|r| (r.key.as_str(), r.tickets)).collect();
        assert_eq!(keys, [("phone", 2), ("walk_in", 1), ("web", 1)]);
        assert_eq!((rows[2].responded, rows[2].response_met), (1, 1));
        assert_eq!(rows[1].complaints, 1);
        assert_eq!(total.tickets, 4);
    }

    #[test]
    fn months_and_weeks_are_local() {
        let c = BusinessCalendar::china();
        // 2026-11-30 23:30 CST is still November locally, though December 1 is near.
        let f = facts("x", cst(30, 23, 30));
        assert_eq!(key(&f, ReportGroup::Month, &c), "2026-11");
        assert_eq!(key(&f, ReportGroup::Week, &c), "2026-W49");
        assert_eq!(
            key(&facts("x", cst(23, 9, 0)), ReportGroup::ProductLine, &c),
            "copier"
        );
    }
}
