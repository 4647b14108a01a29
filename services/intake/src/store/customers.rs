//! Customers, machines, product lines and warranty cards.
use aftercare_contracts::intake::{
    Contact, Customer, GeoPoint, Machine, MeterReading, ProductLine,
};
use aftercare_platform::db::{from_json, from_text, parse_id, to_text};
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
            created_at: from_ms(self.created_at),
            version: self.version,
        })
    }
}

const CUSTOMER: &str =
    "select customer_id, number, company, contacts, address, district, location, tier, preferred_channel,
    language, notes, created_at, version from customer";

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
    limit: i64,
) -> Result<Vec<Customer>> {
    let (low, high) = prefix_range(&name_key(prefix));
    let (after_key, after_id) = after.unwrap_or(("", ""));
    let rows: Vec<CustomerRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{CUSTOMER} where company_key >= $1 and company_key < $2
           and (company_key, customer_id) > ($3, $4)
         order by company_key, customer_id limit $5"
    )))
    .bind(low)
    .bind(high)
    .bind(after_key)
    .bind(after_id)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(CustomerRow::into_customer).collect()
}

/// Customers in id order (no search).
pub(crate) async fn customers(
    conn: &mut AnyConnection,
    after: &str,
    limit: i64,
) -> Result<Vec<Customer>> {
    let rows: Vec<CustomerRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{CUSTOMER} where customer_id > $1 order by customer_id limit $2"
    )))
    .bind(after)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(CustomerRow::into_customer).collect()
}

/// The customer with this phone number (at most one).
pub(crate) async fn customer_by_phone(
    conn: &mut AnyConnection,
    phone: &str,
) -> Result<Vec<Customer>> {
    let rows: Vec<CustomerRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{CUSTOMER} where customer_id = (select customer_id from customer_phone where phone_key = $1)"
    )))
    .bind(phone_key(phone))
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(CustomerRow::into_customer).collect()
}

/// The owners of machines with this serial number (any brand), by id.
pub(crate) async fn customers_by_serial(
    conn: &mut AnyConnection,
    serial: &str,
    after: &str,
    limit: i64,
) -> Result<Vec<Customer>> {
    let rows: Vec<CustomerRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{CUSTOMER} where customer_id in (select customer_id from machine where serial_key = $1)
           and customer_id > $2 order by customer_id limit $3"
    )))
    .bind(serial_key(serial))
    .bind(after)
    .bind(limit)
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
    contract_number, contract_ends_on, created_at, version from machine";

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
