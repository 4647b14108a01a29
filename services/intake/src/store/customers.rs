//! Customers, machines, product lines and warranty cards.
use aftercare_contracts::intake::{
    Contact, Customer, GeoPoint, Machine, MeterReading, ProductLine, RecordChange,
};
use aftercare_platform::db::{Guard, Guarded, from_json, from_text, parse_id, to_text};
use aftercare_platform::{Result, UnitOfWork, from_ms};
use chrono::NaiveDate;
use sqlx::{AnyConnection, FromRow};
use uuid::Uuid;

use crate::domain::customers::{name_key, phone_key, prefix_range, serial_key};

#[derive(FromRow)]
struct CustomerRow {
    customer_id: String,
    number: String,
    company: String,
    contacts: String,
    address: String,
    district: String,
    location: Option<String>,
    tier: String,
    preferred_channel: String,
    language: String,
    notes: String,
    status: String,
    merged_into: Option<String>,
    created_at: i64,
    version: i64,
}

impl CustomerRow {
    fn into_customer(self) -> Result<Customer> {
        Ok(Customer {
            id: parse_id(&self.customer_id)?,
            number: self.number,
            company: self.company,
            contacts: from_json::<Vec<Contact>>(&self.contacts)?,
            address: self.address,
            district: self.district,
            location: self
                .location
                .as_deref()
                .map(from_json::<GeoPoint>)
                .transpose()?,
            tier: from_text(&self.tier)?,
            preferred_channel: from_text(&self.preferred_channel)?,
            language: from_text(&self.language)?,
            notes: self.notes,
            status: from_text(&self.status)?,
            merged_into: self.merged_into.as_deref().map(parse_id).transpose()?,
            created_at: from_ms(self.created_at),
            version: self.version,
        })
    }
}

const CUSTOMER: &str =
    "select customer_id, number, company, contacts, address, district, location, tier, preferred_channel,
    language, notes, status, merged_into, created_at, version from customer";

/// Which statuses a search returns: active ones, and inactive ones when `$n` is 1.
fn listed(n: usize) -> String {
    format!("(status = 'active' or (${n} = 1 and status = 'inactive'))")
}

/// The customer that already has one of these phone numbers, if any.
pub(crate) async fn owner_of_phone(
    conn: &mut AnyConnection,
    phones: &[String],
) -> Result<Option<(String, String)>> {
    for p in phones {
        let owner: Option<String> =
            sqlx::query_scalar("select customer_id from customer_phone where phone_key = $1")
                .bind(phone_key(p))
                .fetch_optional(&mut *conn)
                .await?;
        if let Some(id) = owner {
            return Ok(Some((id, p.clone())));
        }
    }
    Ok(None)
}

/// Stores a new customer with its phone keys; false when a phone was taken meanwhile.
pub(crate) async fn insert_customer(uow: &mut UnitOfWork, c: &Customer, now: i64) -> Result<bool> {
    sqlx::query(
        "insert into customer (customer_id, number, company, company_key, contacts, address, district, location,
            tier, notes, created_at, updated_at, version, preferred_channel, language)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, 1, $12, $13)",
    )
    .bind(c.id.to_string())
    .bind(&c.number)
    .bind(&c.company)
    .bind(name_key(&c.company))
    .bind(serde_json::to_string(&c.contacts)?)
    .bind(&c.address)
    .bind(&c.district)
    .bind(c.location.as_ref().map(serde_json::to_string).transpose()?)
    .bind(to_text(&c.tier))
    .bind(&c.notes)
    .bind(now)
    .bind(to_text(&c.preferred_channel))
    .bind(to_text(&c.language))
    .execute(uow.conn())
    .await?;
    for phone in c.contacts.iter().flat_map(|k| &k.phones) {
        let done = sqlx::query(
            "insert into customer_phone (phone_key, customer_id) values ($1, $2) on conflict (phone_key) do nothing",
        )
        .bind(phone_key(phone))
        .bind(c.id.to_string())
        .execute(uow.conn())
        .await?;
        if done.rows_affected() != 1 {
            return Ok(false);
        }
    }
    Ok(true)
}

/// A customer by id or human number.
pub(crate) async fn get_customer(
    conn: &mut AnyConnection,
    id_or_number: &str,
) -> Result<Option<Customer>> {
    let row: Option<CustomerRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{CUSTOMER} where customer_id = $1 or number = $1"
    )))
    .bind(id_or_number)
    .fetch_optional(conn)
    .await?;
    row.map(CustomerRow::into_customer).transpose()
}

/// Customers whose name starts with `prefix`, by name; the cursor is the last
/// `(name key, id)` seen. The cursor is a row-value comparison: an equivalent `or` of two
/// conditions keeps the index order but costs twenty times as much per row on SQLite.
pub(crate) async fn customers_by_name(
    conn: &mut AnyConnection,
    prefix: &str,
    after: Option<(&str, &str)>,
    include_inactive: bool,
    limit: i64,
) -> Result<Vec<Customer>> {
    let (low, high) = prefix_range(&name_key(prefix));
    let (after_key, after_id) = after.unwrap_or(("", ""));
    let rows: Vec<CustomerRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{CUSTOMER} where company_key >= $1 and company_key < $2
           and (company_key, customer_id) > ($3, $4) and {}
         order by company_key, customer_id limit $5",
        listed(6)
    )))
    .bind(low)
    .bind(high)
    .bind(after_key)
    .bind(after_id)
    .bind(limit)
    .bind(i32::from(include_inactive))
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(CustomerRow::into_customer).collect()
}

/// Customers in id order (no search).
pub(crate) async fn customers(
    conn: &mut AnyConnection,
    after: &str,
    include_inactive: bool,
    limit: i64,
) -> Result<Vec<Customer>> {
    let rows: Vec<CustomerRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{CUSTOMER} where customer_id > $1 and {} order by customer_id limit $2",
        listed(3)
    )))
    .bind(after)
    .bind(limit)
    .bind(i32::from(include_inactive))
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(CustomerRow::into_customer).collect()
}

/// The customer with this phone number (at most one).
pub(crate) async fn customer_by_phone(
    conn: &mut AnyConnection,
    phone: &str,
    include_inactive: bool,
) -> Result<Vec<Customer>> {
    let rows: Vec<CustomerRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{CUSTOMER} where customer_id = (select customer_id from customer_phone where phone_key = $1) and {}",
        listed(2)
    )))
    .bind(phone_key(phone))
    .bind(i32::from(include_inactive))
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(CustomerRow::into_customer).collect()
}

/// The owners of machines with this serial number (any brand), by id.
pub(crate) async fn customers_by_serial(
    conn: &mut AnyConnection,
    serial: &str,
    after: &str,
    include_inactive: bool,
    limit: i64,
) -> Result<Vec<Customer>> {
    let rows: Vec<CustomerRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{CUSTOMER} where customer_id in (select customer_id from machine where serial_key = $1)
           and customer_id > $2 and {} order by customer_id limit $3",
        listed(4)
    )))
    .bind(serial_key(serial))
    .bind(after)
    .bind(limit)
    .bind(i32::from(include_inactive))
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(CustomerRow::into_customer).collect()
}

/// Warranty months of a product line; `None` when the line is not configured.
pub(crate) async fn warranty_months(
    conn: &mut AnyConnection,
    product_line: &str,
) -> Result<Option<u32>> {
    let m: Option<i32> =
        sqlx::query_scalar("select warranty_months from product_line where name = $1")
            .bind(product_line)
            .fetch_optional(conn)
            .await?;
    Ok(m.map(|m| m.max(0) as u32))
}

/// The configured product lines.
pub(crate) async fn product_lines(conn: &mut AnyConnection) -> Result<Vec<String>> {
    Ok(
        sqlx::query_scalar("select name from product_line order by name")
            .fetch_all(conn)
            .await?,
    )
}

#[derive(FromRow)]
struct MachineRow {
    machine_id: String,
    customer_id: String,
    product_line: String,
    brand: String,
    model: String,
    serial: String,
    purchase_date: Option<String>,
    warranty_end: Option<String>,
    install_location: String,
    meter_reading: Option<i64>,
    meter_at: Option<i64>,
    meter_work_order: Option<String>,
    contract_number: Option<String>,
    contract_ends_on: Option<String>,
    notes: String,
    created_at: i64,
    version: i64,
}

fn date(text: Option<String>) -> Result<Option<NaiveDate>> {
    text.map(|t| {
        NaiveDate::parse_from_str(&t, "%Y-%m-%d")
            .map_err(|e| aftercare_platform::Error::corrupt("date", &t, e))
    })
    .transpose()
}

impl MachineRow {
    fn into_machine(self) -> Result<Machine> {
        Ok(Machine {
            id: parse_id(&self.machine_id)?,
            customer_id: parse_id(&self.customer_id)?,
            product_line: self.product_line,
            brand: self.brand,
            model: self.model,
            serial: self.serial,
            purchase_date: date(self.purchase_date)?,
            warranty_end: date(self.warranty_end)?,
            install_location: self.install_location,
            last_meter_reading: match (self.meter_reading, self.meter_at, self.meter_work_order) {
                (Some(reading), Some(at), Some(w)) => Some(MeterReading {
                    reading: reading.max(0) as u64,
                    at: from_ms(at),
                    work_order_id: parse_id(&w)?,
                }),
                _ => None,
            },
            contract: match (self.contract_number, date(self.contract_ends_on)?) {
                (Some(number), Some(ends_on)) => {
                    Some(aftercare_contracts::intake::MachineContract { number, ends_on })
                }
                _ => None,
            },
            notes: self.notes,
            created_at: from_ms(self.created_at),
            version: self.version,
        })
    }
}

const MACHINE: &str = "select machine_id, customer_id, product_line, brand, model, serial, purchase_date, warranty_end,
    install_location,
    (select r.reading from meter_reading r where r.brand_key = machine.brand_key and r.serial_key = machine.serial_key
      order by r.at desc limit 1) as meter_reading,
    (select r.at from meter_reading r where r.brand_key = machine.brand_key and r.serial_key = machine.serial_key
      order by r.at desc limit 1) as meter_at,
    (select r.work_order_id from meter_reading r where r.brand_key = machine.brand_key and r.serial_key = machine.serial_key
      order by r.at desc limit 1) as meter_work_order,
    contract_number, contract_ends_on, notes, created_at, version from machine";

/// The machine with this brand and serial number, if registered.
pub(crate) async fn machine_by_serial(
    conn: &mut AnyConnection,
    brand: &str,
    serial: &str,
) -> Result<Option<Machine>> {
    let row: Option<MachineRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{MACHINE} where brand_key = $1 and serial_key = $2"
    )))
    .bind(serial_key(brand))
    .bind(serial_key(serial))
    .fetch_optional(conn)
    .await?;
    row.map(MachineRow::into_machine).transpose()
}

/// Stores a machine; false when its brand and serial are taken.
pub(crate) async fn insert_machine(uow: &mut UnitOfWork, m: &Machine, now: i64) -> Result<bool> {
    let done = sqlx::query(
        "insert into machine (machine_id, customer_id, product_line, brand, brand_key, model, serial, serial_key,
            purchase_date, warranty_end, install_location, created_at, updated_at, version)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, 1)
         on conflict (brand_key, serial_key) do nothing",
    )
    .bind(m.id.to_string())
    .bind(m.customer_id.to_string())
    .bind(&m.product_line)
    .bind(&m.brand)
    .bind(serial_key(&m.brand))
    .bind(&m.model)
    .bind(&m.serial)
    .bind(serial_key(&m.serial))
    .bind(m.purchase_date.map(|d| d.to_string()))
    .bind(m.warranty_end.map(|d| d.to_string()))
    .bind(&m.install_location)
    .bind(now)
    .execute(uow.conn())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The machines of a customer, by id.
pub(crate) async fn machines_of(
    conn: &mut AnyConnection,
    customer_id: Uuid,
    after: &str,
    limit: i64,
) -> Result<Vec<Machine>> {
    let rows: Vec<MachineRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{MACHINE} where customer_id = $1 and machine_id > $2 order by machine_id limit $3"
    )))
    .bind(customer_id.to_string())
    .bind(after)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(MachineRow::into_machine).collect()
}

/// Records a warranty card; false when the card number is already on file.
pub(crate) async fn insert_warranty_card(
    uow: &mut UnitOfWork,
    card_number: &str,
    customer_id: Uuid,
    machine_id: Uuid,
    now: i64,
) -> Result<bool> {
    let done = sqlx::query(
        "insert into warranty_card (card_number, customer_id, machine_id, registered_at) values ($1, $2, $3, $4)
         on conflict (card_number) do nothing",
    )
    .bind(card_number)
    .bind(customer_id.to_string())
    .bind(machine_id.to_string())
    .bind(now)
    .execute(uow.conn())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The return window of a product line in days; `None` when the line is not configured.
pub(crate) async fn return_days(
    conn: &mut AnyConnection,
    product_line: &str,
) -> Result<Option<u32>> {
    let d: Option<i32> = sqlx::query_scalar("select return_days from product_line where name = $1")
        .bind(product_line.trim())
        .fetch_optional(conn)
        .await?;
    Ok(d.map(|d| d.max(0) as u32))
}

/// Records the free training visit for a machine; false when it already had one.
pub(crate) async fn claim_training(
    uow: &mut UnitOfWork,
    brand: &str,
    serial: &str,
    ticket_id: Uuid,
    now: i64,
) -> Result<bool> {
    let done = sqlx::query(
        "insert into return_training (brand_key, serial_key, ticket_id, at) values ($1, $2, $3, $4)
         on conflict (brand_key, serial_key) do nothing",
    )
    .bind(serial_key(brand))
    .bind(serial_key(serial))
    .bind(ticket_id.to_string())
    .bind(now)
    .execute(uow.conn())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Records a meter reading from a visit (once per work order).
pub(crate) async fn record_meter_reading(
    uow: &mut UnitOfWork,
    brand: &str,
    serial: &str,
    work_order_id: Uuid,
    reading: u64,
    at: i64,
) -> Result<()> {
    sqlx::query(
        "insert into meter_reading (brand_key, serial_key, work_order_id, reading, at) values ($1, $2, $3, $4, $5)
         on conflict (brand_key, serial_key, work_order_id) do nothing",
    )
    .bind(serial_key(brand))
    .bind(serial_key(serial))
    .bind(work_order_id.to_string())
    .bind(i64::try_from(reading).unwrap_or(i64::MAX))
    .bind(at)
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// Every product line with its terms.
pub(crate) async fn product_line_terms(conn: &mut AnyConnection) -> Result<Vec<ProductLine>> {
    let rows: Vec<(String, i32, i32)> =
        sqlx::query_as("select name, warranty_months, return_days from product_line order by name")
            .fetch_all(conn)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(name, w, r)| ProductLine {
            name,
            warranty_months: w.max(0) as u32,
            return_days: r.max(0) as u32,
        })
        .collect())
}

/// Adds a product line or changes its terms.
pub(crate) async fn save_product_line(uow: &mut UnitOfWork, p: &ProductLine) -> Result<()> {
    sqlx::query(
        "insert into product_line (name, warranty_months, return_days) values ($1, $2, $3)
         on conflict (name) do update set warranty_months = $2, return_days = $3",
    )
    .bind(&p.name)
    .bind(p.warranty_months as i32)
    .bind(p.return_days as i32)
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// Notes the contract covering a machine (the one ending latest wins); false when the
/// machine is not on file.
pub(crate) async fn set_contract(
    uow: &mut UnitOfWork,
    brand: &str,
    serial: &str,
    number: &str,
    ends_on: NaiveDate,
) -> Result<bool> {
    let n = sqlx::query(
        "update machine set contract_number = $1, contract_ends_on = $2, version = version + 1
         where brand_key = $3 and serial_key = $4 and (contract_ends_on is null or contract_ends_on <= $2)",
    )
    .bind(number)
    .bind(ends_on.to_string())
    .bind(serial_key(brand))
    .bind(serial_key(serial))
    .execute(uow.conn())
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// The owners of these phone keys, as `(key, customer id)`.
pub(crate) async fn phone_key_owners(
    conn: &mut AnyConnection,
    keys: &[String],
) -> Result<Vec<(String, String)>> {
    let mut owners = Vec::new();
    for key in keys {
        let owner: Option<String> =
            sqlx::query_scalar("select customer_id from customer_phone where phone_key = $1")
                .bind(key)
                .fetch_optional(&mut *conn)
                .await?;
        if let Some(o) = owner {
            owners.push((key.clone(), o));
        }
    }
    Ok(owners)
}

/// Stores a customer's changed fields if it is still at `version`.
pub(crate) async fn update_customer(
    uow: &mut UnitOfWork,
    c: &Customer,
    version: i64,
    at: i64,
) -> Result<Guarded> {
    let contacts = serde_json::to_string(&c.contacts)?;
    let location = c.location.as_ref().map(serde_json::to_string).transpose()?;
    Guard::new("customer", "customer_id", c.id, version)
        .update(
            uow.conn(),
            "company = $1, company_key = $2, contacts = $3, address = $4, district = $5, location = $6,
             tier = $7, preferred_channel = $8, language = $9, notes = $10, status = $11,
             merged_into = $12, updated_at = $13",
            |q| {
                q.bind(c.company.clone())
                    .bind(name_key(&c.company))
                    .bind(contacts)
                    .bind(c.address.clone())
                    .bind(c.district.clone())
                    .bind(location)
                    .bind(to_text(&c.tier))
                    .bind(to_text(&c.preferred_channel))
                    .bind(to_text(&c.language))
                    .bind(c.notes.clone())
                    .bind(to_text(&c.status))
                    .bind(c.merged_into.map(|m| m.to_string()))
                    .bind(at)
            },
        )
        .await
}

/// Makes `keys` the customer's phone keys; false when one belongs to another customer
/// (taken meanwhile).
pub(crate) async fn replace_phones(
    uow: &mut UnitOfWork,
    customer_id: Uuid,
    keys: &[String],
) -> Result<bool> {
    sqlx::query("delete from customer_phone where customer_id = $1")
        .bind(customer_id.to_string())
        .execute(uow.conn())
        .await?;
    for key in keys {
        let done = sqlx::query(
            "insert into customer_phone (phone_key, customer_id) values ($1, $2) on conflict (phone_key) do nothing",
        )
        .bind(key)
        .bind(customer_id.to_string())
        .execute(uow.conn())
        .await?;
        if done.rows_affected() != 1 {
            return Ok(false);
        }
    }
    Ok(true)
}

/// A machine by id.
pub(crate) async fn get_machine(conn: &mut AnyConnection, id: &str) -> Result<Option<Machine>> {
    let row: Option<MachineRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{MACHINE} where machine_id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await?;
    row.map(MachineRow::into_machine).transpose()
}

/// Stores a machine's location, contract and notes if it is still at `version`.
pub(crate) async fn update_machine(
    uow: &mut UnitOfWork,
    m: &Machine,
    version: i64,
    at: i64,
) -> Result<Guarded> {
    Guard::new("machine", "machine_id", m.id, version)
        .update(
            uow.conn(),
            "install_location = $1, contract_number = $2, contract_ends_on = $3, notes = $4, updated_at = $5",
            |q| {
                q.bind(m.install_location.clone())
                    .bind(m.contract.as_ref().map(|c| c.number.clone()))
                    .bind(m.contract.as_ref().map(|c| c.ends_on.to_string()))
                    .bind(m.notes.clone())
                    .bind(at)
            },
        )
        .await
}

/// Moves every machine of `from` to `to`; returns the machines moved as they were.
pub(crate) async fn move_machines(
    uow: &mut UnitOfWork,
    from: Uuid,
    to: Uuid,
    at: i64,
) -> Result<Vec<Machine>> {
    let rows: Vec<MachineRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{MACHINE} where customer_id = $1 order by machine_id"
    )))
    .bind(from.to_string())
    .fetch_all(uow.conn())
    .await?;
    let moved = rows
        .into_iter()
        .map(MachineRow::into_machine)
        .collect::<Result<Vec<_>>>()?;
    sqlx::query(
        "update machine set customer_id = $1, updated_at = $2, version = version + 1 where customer_id = $3",
    )
    .bind(to.to_string())
    .bind(at)
    .bind(from.to_string())
    .execute(uow.conn())
    .await?;
    Ok(moved)
}

/// Moves the tickets, warranty cards and phones of customer `from` to `to`; returns how
/// many tickets moved.
pub(crate) async fn move_customer_records(
    uow: &mut UnitOfWork,
    from: Uuid,
    to: Uuid,
    at: i64,
) -> Result<u64> {
    let tickets = sqlx::query(
        "update ticket set customer_id = $1, updated_at = $2, version = version + 1 where customer_id = $3",
    )
    .bind(to.to_string())
    .bind(at)
    .bind(from.to_string())
    .execute(uow.conn())
    .await?
    .rows_affected();
    for table in ["warranty_card", "customer_phone"] {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "update {table} set customer_id = $1 where customer_id = $2"
        )))
        .bind(to.to_string())
        .bind(from.to_string())
        .execute(uow.conn())
        .await?;
    }
    Ok(tickets)
}

/// Which record a history line belongs to.
#[derive(Debug, Clone, Copy)]
pub(crate) enum RecordKind {
    /// A customer.
    Customer,
    /// A machine.
    Machine,
}

/// Appends lines to a record's history, in order.
pub(crate) async fn record_changes(
    uow: &mut UnitOfWork,
    kind: RecordKind,
    record_id: Uuid,
    (actor, reason): (&str, &str),
    lines: &[crate::domain::records::Line],
    at: i64,
) -> Result<()> {
    let kind = match kind {
        RecordKind::Customer => "customer",
        RecordKind::Machine => "machine",
    };
    for line in lines {
        sqlx::query(
            "insert into record_change (line_id, record_kind, record_id, at, actor, field, old_value, new_value, reason)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(Uuid::now_v7().to_string())
        .bind(kind)
        .bind(record_id.to_string())
        .bind(at)
        .bind(actor)
        .bind(&line.field)
        .bind(line.old.clone())
        .bind(line.new.clone())
        .bind(reason)
        .execute(uow.conn())
        .await?;
    }
    Ok(())
}

/// A page of a record's history, oldest first; `after` is the last line id seen.
pub(crate) async fn record_history(
    conn: &mut AnyConnection,
    record_id: Uuid,
    after: &str,
    limit: i64,
) -> Result<Vec<(String, RecordChange)>> {
    #[allow(clippy::type_complexity)]
    let rows: Vec<(
        String,
        i64,
        String,
        String,
        Option<String>,
        Option<String>,
        String,
    )> = sqlx::query_as(
        "select line_id, at, actor, field, old_value, new_value, reason from record_change
             where record_id = $1 and line_id > $2 order by line_id limit $3",
    )
    .bind(record_id.to_string())
    .bind(after)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, at, actor, field, old_value, new_value, reason)| {
            (
                id,
                RecordChange {
                    at: from_ms(at),
                    actor,
                    actor_name: None,
                    field,
                    old_value,
                    new_value,
                    reason,
                },
            )
        })
        .collect())
}
