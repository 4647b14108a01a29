//! The knowledge base.
use aftercare_contracts::intake::FaqArticle;
use aftercare_platform::db::parse_id;
use aftercare_platform::{Result, UnitOfWork, from_ms};
use sqlx::{AnyConnection, FromRow};
use uuid::Uuid;

#[derive(FromRow)]
struct Row {
    article_id: String,
    number: String,
    product_line: String,
    question: String,
    answer: String,
    uses: i64,
    created_at: i64,
}

impl Row {
    fn into_article(self) -> Result<FaqArticle> {
        Ok(FaqArticle {
            id: parse_id(&self.article_id)?,
            number: self.number,
            product_line: self.product_line,
            question: self.question,
            answer: self.answer,
            uses: self.uses,
            created_at: from_ms(self.created_at),
        })
    }
}

const SELECT: &str =
    "select article_id, number, product_line, question, answer, uses, created_at from faq_article";

/// Stores a new article.
pub(crate) async fn insert(uow: &mut UnitOfWork, a: &FaqArticle) -> Result<()> {
    sqlx::query(
        "insert into faq_article (article_id, number, product_line, question, answer, search_text, uses,
            created_at, updated_at) values ($1, $2, $3, $4, $5, $6, 0, $7, $7)",
    )
    .bind(a.id.to_string())
    .bind(&a.number)
    .bind(&a.product_line)
    .bind(&a.question)
    .bind(&a.answer)
    .bind(format!("{}\n{}", a.question, a.answer).to_lowercase())
    .bind(a.created_at.timestamp_millis())
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// Articles of a product line (or all) containing every word, most used first.
pub(crate) async fn find(
    conn: &mut AnyConnection,
    product_line: Option<&str>,
    words: &[String],
    limit: i64,
) -> Result<Vec<FaqArticle>> {
    // One `like` per word, each bound as a parameter; the words never enter the SQL text.
    let mut sql = format!("{SELECT} where ($1 = '' or product_line = $1)");
    for i in 0..words.len() {
        sql.push_str(&format!(" and search_text like ${}", i + 3));
    }
    sql.push_str(" order by uses desc, article_id limit $2");
    let mut q = sqlx::query_as::<_, Row>(sqlx::AssertSqlSafe(sql))
        .bind(product_line.unwrap_or(""))
        .bind(limit);
    for w in words {
        let escaped: String = w.chars().filter(|c| *c != '%' && *c != '_').collect();
        q = q.bind(format!("%{}%", escaped.to_lowercase()));
    }
    q.fetch_all(conn)
        .await?
        .into_iter()
        .map(Row::into_article)
        .collect()
}

/// An article by id.
pub(crate) async fn get(conn: &mut AnyConnection, id: Uuid) -> Result<Option<FaqArticle>> {
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} where article_id = $1"
    )))
    .bind(id.to_string())
    .fetch_optional(conn)
    .await?;
    row.map(Row::into_article).transpose()
}

/// Counts one more ticket solved with the article.
pub(crate) async fn count_use(uow: &mut UnitOfWork, id: Uuid, at: i64) -> Result<()> {
    sqlx::query("update faq_article set uses = uses + 1, updated_at = $1 where article_id = $2")
        .bind(at)
        .bind(id.to_string())
        .execute(uow.conn())
        .await?;
    Ok(())
}
