//! Reading an uploaded workbook: the first sheet's header row matched to a [`Kind`]'s columns in
//! any supported language, its data rows as canonical text per field.
//!
//! The file is checked by [`limits::check`] first; the sheet is then streamed cell by cell and
//! kept sparse, and the rows and text kept are bounded again for the preview.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Cursor;

use calamine::{Data, Reader};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Kind, limits};
use crate::domain::decimal::Dec;
use crate::domain::locale::Locale;
use crate::domain::message::Message;
use crate::i18n::I18n;

/// How a column's cells are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellKind {
    Text,
    Number,
    Date,
}

/// What a column says about the record a row is about, which decides what a blank cell and
/// the clear marker ([`super::reader::CLEAR`]) do there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Identifies the record (a hotel's name and city): every row fills it in.
    Key,
    /// With the key, tells which record the row is about (a restaurant's city beside its name);
    /// it may be blank when only one record has that name.
    KeyPart,
    /// Needed for a new record; for a stored one a blank cell keeps its value. It cannot be
    /// cleared.
    Required,
    /// May be blank for a new record, which then gets the usual value (a room kind's occupancy,
    /// a guide being active); for a stored one a blank cell keeps its value. It cannot be
    /// cleared.
    Defaulted,
    /// A blank cell keeps the stored value; the clear marker removes it.
    Optional,
}

/// One column of an import sheet.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// The field's name, also accepted as a header.
    pub field: &'static str,
    /// Message id of the header, in every language.
    pub label: &'static str,
    pub cell: CellKind,
    pub role: Role,
    /// An example value, shown on the upload page and the template's instructions (never in
    /// the template's data area).
    pub example: &'static str,
    /// Values offered as a drop-down in the template.
    pub choices: &'static [&'static str],
    /// What the column asks, when its role alone does not say it (message id).
    pub note: Option<&'static str>,
}

impl Column {
    const fn of(
        role: Role,
        field: &'static str,
        label: &'static str,
        cell: CellKind,
        example: &'static str,
    ) -> Column {
        Column {
            field,
            label,
            cell,
            role,
            example,
            choices: &[],
            note: None,
        }
    }

    pub const fn keyed(
        field: &'static str,
        label: &'static str,
        cell: CellKind,
        example: &'static str,
    ) -> Column {
        Column::of(Role::Key, field, label, cell, example)
    }

    pub const fn key_part(
        field: &'static str,
        label: &'static str,
        cell: CellKind,
        example: &'static str,
    ) -> Column {
        Column::of(Role::KeyPart, field, label, cell, example)
    }

    pub const fn required(
        field: &'static str,
        label: &'static str,
        cell: CellKind,
        example: &'static str,
    ) -> Column {
        Column::of(Role::Required, field, label, cell, example)
    }

    pub const fn defaulted(
        field: &'static str,
        label: &'static str,
        cell: CellKind,
        example: &'static str,
    ) -> Column {
        Column::of(Role::Defaulted, field, label, cell, example)
    }

    pub const fn optional(
        field: &'static str,
        label: &'static str,
        cell: CellKind,
        example: &'static str,
    ) -> Column {
        Column::of(Role::Optional, field, label, cell, example)
    }

    pub const fn with_choices(self, choices: &'static [&'static str]) -> Column {
        Column { choices, ..self }
    }

    pub const fn with_note(self, note: &'static str) -> Column {
        Column {
            note: Some(note),
            ..self
        }
    }

    /// Whether the sheet must have this column (its header), though a stored record's row may
    /// leave a `Required` cell blank.
    pub fn required_header(&self) -> bool {
        matches!(self.role, Role::Key | Role::Required)
    }
}

/// One data row: its line number in the sheet and canonical text by field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowCells {
    pub line: usize,
    pub cells: BTreeMap<String, String>,
    /// The fields whose cells were numbers, not text: their canonical text is read as it is,
    /// whatever language the uploader writes numbers in.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub numeric: BTreeSet<String>,
}

impl RowCells {
    pub fn get(&self, field: &str) -> &str {
        self.cells.get(field).map(String::as_str).unwrap_or("")
    }

    /// Whether the field's cell was a number (not text that reads as one).
    pub fn is_numeric(&self, field: &str) -> bool {
        self.numeric.contains(field)
    }
}

/// Why a workbook cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SheetError {
    #[error(transparent)]
    Limit(#[from] limits::LimitError),
    #[error("the workbook cannot be read")]
    Unreadable,
    #[error("the workbook has no sheet")]
    NoSheet,
    #[error("required columns are missing: {0:?}")]
    MissingColumns(Vec<&'static str>),
    #[error("the sheet has no data rows")]
    Empty,
    #[error("no workbook was uploaded")]
    NoFile,
    #[error("the sheet has more than {0} data rows")]
    TooManyRows(usize),
    #[error("the sheet holds more than {0} bytes of text")]
    TooMuchText(usize),
    #[error("the preview would take more than {0} bytes")]
    PreviewTooLarge(usize),
}

impl SheetError {
    /// Whether the file was refused for its size (413) rather than its content (422).
    pub fn too_large(&self) -> bool {
        use limits::LimitError as L;
        matches!(
            self,
            SheetError::Limit(
                L::FileTooLarge(_)
                    | L::UnpackedTooLarge(_)
                    | L::TooManyCells(_)
                    | L::TooManyStyles(_)
                    | L::OutOfBounds { .. }
            ) | SheetError::TooManyRows(_)
                | SheetError::TooMuchText(_)
                | SheetError::PreviewTooLarge(_)
        )
    }

    pub fn message(&self) -> Message {
        use limits::LimitError as L;
        match self {
            SheetError::Limit(L::FileTooLarge(n)) => {
                Message::new("imports-error-file-too-large").arg("mb", n / (1024 * 1024))
            }
            SheetError::Limit(L::UnpackedTooLarge(n)) => {
                Message::new("imports-error-unpacked-too-large").arg("mb", n / (1024 * 1024))
            }
            SheetError::Limit(L::TooManyEntries(_)) | SheetError::Limit(L::NotWorkbook) => {
                Message::new("imports-error-not-workbook")
            }
            SheetError::Limit(L::TooManyCells(n)) => {
                Message::new("imports-error-too-many-cells").arg("cells", n)
            }
            SheetError::Limit(L::TooManyStyles(n)) => {
                Message::new("imports-error-too-many-styles").arg("count", n)
            }
            SheetError::Limit(L::OutOfBounds { rows, columns }) => {
                Message::new("imports-error-out-of-bounds")
                    .arg("rows", rows)
                    .arg("columns", columns)
            }
            SheetError::TooManyRows(n) => {
                Message::new("imports-error-too-many-rows").arg("rows", n)
            }
            SheetError::TooMuchText(n) | SheetError::PreviewTooLarge(n) => {
                Message::new("imports-error-too-much-data").arg("mb", n / (1024 * 1024))
            }
            SheetError::Unreadable | SheetError::NoSheet => {
                Message::new("imports-error-unreadable")
            }
            SheetError::MissingColumns(_) => Message::new("imports-error-missing-columns"),
            SheetError::Empty => Message::new("imports-error-empty"),
            SheetError::NoFile => Message::new("imports-error-no-file"),
        }
    }
}

/// Letters and digits only, lower-cased: `Hotel name*`, `HOTEL_NAME` and `hotel name` match.
pub fn normalize_header(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Finds each column's position from the header row, in any supported language.
fn match_headers(
    i18n: &I18n,
    columns: &'static [Column],
    header: &[Data],
) -> Result<Vec<(usize, &'static Column)>, SheetError> {
    let mut found = Vec::new();
    for column in columns {
        let mut names = vec![normalize_header(column.field)];
        names.extend(
            Locale::ALL
                .iter()
                .map(|l| normalize_header(&i18n.t(*l, column.label, &[]))),
        );
        if let Some(pos) = header.iter().position(|cell| {
            let text = normalize_header(&cell.to_string());
            !text.is_empty() && names.contains(&text)
        }) {
            found.push((pos, column));
        }
    }
    let missing: Vec<&'static str> = columns
        .iter()
        .filter(|c| c.required_header() && !found.iter().any(|(_, f)| f.field == c.field))
        .map(|c| c.label)
        .collect();
    if !missing.is_empty() {
        return Err(SheetError::MissingColumns(missing));
    }
    Ok(found)
}

/// The date of an Excel serial day number (1900 system).
pub fn excel_date(serial: f64) -> Option<NaiveDate> {
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    if !(1.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    epoch.checked_add_signed(chrono::Duration::days(serial.floor() as i64))
}

/// A cell as canonical text: dates ISO, numbers without float noise, text trimmed.
fn cell_text(cell: &Data, kind: CellKind) -> Option<String> {
    let text = match (cell, kind) {
        (Data::Empty, _) => return None,
        (Data::Error(_), _) => "#ERROR".to_owned(),
        (Data::DateTime(d), _) => match excel_date(d.as_f64()) {
            Some(date) => date.to_string(),
            None => "#ERROR".to_owned(),
        },
        (Data::DateTimeIso(s), _) => s.chars().take(10).collect(),
        (Data::Float(f), CellKind::Date) => match excel_date(*f) {
            Some(date) => date.to_string(),
            None => f.to_string(),
        },
        (Data::Int(i), CellKind::Date) => match excel_date(*i as f64) {
            Some(date) => date.to_string(),
            None => i.to_string(),
        },
        (Data::Float(f), _) => Dec::from_cell_float(*f)
            .map(|d| d.canonical())
            .unwrap_or_else(|_| "#ERROR".to_owned()),
        (Data::Int(i), _) => i.to_string(),
        (Data::Bool(b), _) => if *b { "yes" } else { "no" }.to_owned(),
        (Data::String(s), _) => s.trim().to_owned(),
        (other, _) => other.to_string().trim().to_owned(),
    };
    (!text.is_empty()).then_some(text)
}

/// Reads the first sheet of a checked workbook into rows of canonical cells.
///
/// The sheet is streamed cell by cell and kept sparse (only non-empty cells), so memory follows
/// the cells the file holds, never the area their references span; cells are counted and
/// their positions bounded again here, whatever the limits check saw.
pub fn read_sheet(
    bytes: &[u8],
    kind: Kind,
    i18n: &I18n,
    limits: &limits::Limits,
) -> Result<Vec<RowCells>, SheetError> {
    limits::check(bytes, limits)?;
    let grid = read_cells(bytes, limits)?;
    let mut rows = grid.iter();
    let Some((_, header)) = rows.next() else {
        return Err(SheetError::Empty);
    };
    let header_cells = header_row(header);
    let columns = match_headers(i18n, kind.columns(), &header_cells)?;
    let mut out = Vec::new();
    let mut text_bytes = 0usize;
    for (&index, row) in rows {
        let mut cells = BTreeMap::new();
        let mut numeric = BTreeSet::new();
        for (pos, column) in &columns {
            let Some(cell) = row.get(&(*pos as u32)) else {
                continue;
            };
            if let Some(text) = cell_text(cell, column.cell) {
                if matches!(cell, Data::Float(_) | Data::Int(_)) && column.cell != CellKind::Date {
                    numeric.insert(column.field.to_owned());
                }
                let text = truncate_chars(text, limits.max_cell_chars);
                text_bytes += text.len();
                cells.insert(column.field.to_owned(), text);
            }
        }
        if cells.is_empty() {
            continue;
        }
        if out.len() == limits.max_data_rows {
            return Err(SheetError::TooManyRows(limits.max_data_rows));
        }
        if text_bytes > limits.max_text {
            return Err(SheetError::TooMuchText(limits.max_text));
        }
        out.push(RowCells {
            line: index as usize + 1,
            cells,
            numeric,
        });
    }
    if out.is_empty() {
        return Err(SheetError::Empty);
    }
    Ok(out)
}

/// The non-empty cells of the first sheet, by row and column (0-based).
type Grid = BTreeMap<u32, BTreeMap<u32, Data>>;

fn read_cells(bytes: &[u8], limits: &limits::Limits) -> Result<Grid, SheetError> {
    let mut workbook: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|_| SheetError::Unreadable)?;
    let name = workbook
        .sheet_names()
        .first()
        .cloned()
        .ok_or(SheetError::NoSheet)?;
    let out_of_bounds = SheetError::Limit(limits::LimitError::OutOfBounds {
        rows: limits.max_rows,
        columns: limits.max_columns,
    });
    let mut reader = workbook
        .worksheet_cells_reader(&name)
        .map_err(|_| SheetError::Unreadable)?;
    let within = |(row, column): (u32, u32)| row < limits.max_rows && column < limits.max_columns;
    let dimensions = reader.dimensions();
    if !within(dimensions.end) {
        return Err(out_of_bounds);
    }
    let mut grid = Grid::new();
    let mut count: u64 = 0;
    while let Some(cell) = reader.next_cell().map_err(|_| SheetError::Unreadable)? {
        count += 1;
        if count > limits.max_cells {
            return Err(SheetError::Limit(limits::LimitError::TooManyCells(
                limits.max_cells,
            )));
        }
        let (row, column) = cell.get_position();
        if !within((row, column)) {
            return Err(out_of_bounds);
        }
        let value = Data::from(cell.get_value().clone());
        if !matches!(value, Data::Empty) {
            grid.entry(row).or_default().insert(column, value);
        }
    }
    Ok(grid)
}

/// The header row as a dense list (its columns are bounded by the limits).
fn header_row(row: &BTreeMap<u32, Data>) -> Vec<Data> {
    let width = row.keys().next_back().map_or(0, |last| *last as usize + 1);
    let mut cells = vec![Data::Empty; width];
    for (column, value) in row {
        cells[*column as usize] = value.clone();
    }
    cells
}

/// At most `max` characters of `text`.
fn truncate_chars(text: String, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => text[..cut].to_owned(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use limits::tests::{sheet_xml, workbook_with};
    use limits::{LimitError, Limits};

    fn rates_header_row(prefix: &str) -> String {
        ["Date", "From", "To", "Rate"]
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let col = (b'A' + i as u8) as char;
                format!("<{prefix}c r=\"{col}1\" t=\"inlineStr\"><{prefix}is><{prefix}t>{h}</{prefix}t></{prefix}is></{prefix}c>")
            })
            .collect()
    }

    #[test]
    fn a_cell_at_the_far_corner_is_refused_not_allocated() {
        // Headers in A1:D1 and one cell at XFD1048576: calamine's range for it would take
        // 512 GiB.
        let rows = format!(
            "<row r=\"1\">{}</row><row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row>",
            rates_header_row("")
        );
        let file = workbook_with("xl/worksheets/sheet1.xml", sheet_xml("", None, &rows));
        assert!(file.len() < 1600, "{} bytes", file.len());
        let i18n = I18n::load().unwrap_or_else(|e| panic!("{e:#}"));
        let limits = Limits::default();
        assert_eq!(
            read_sheet(&file, Kind::Rates, &i18n, &limits),
            Err(SheetError::Limit(LimitError::OutOfBounds {
                rows: limits.max_rows,
                columns: limits.max_columns
            }))
        );
    }

    #[test]
    fn the_reader_bounds_positions_the_references_do_not_name() {
        // No `r` attributes: positions come from counting, which only the reader sees.
        let cells = "<c><v>1</v></c>".repeat(1001);
        let rows = format!(
            "<row r=\"1\">{}</row><row>{cells}</row>",
            rates_header_row("")
        );
        let file = workbook_with("xl/worksheets/sheet1.xml", sheet_xml("", None, &rows));
        let limits = Limits::default();
        assert_eq!(limits::check(&file, &limits), Ok(()));
        assert_eq!(
            read_cells(&file, &limits).map(|g| g.len()),
            Err(SheetError::Limit(LimitError::OutOfBounds {
                rows: limits.max_rows,
                columns: limits.max_columns
            }))
        );
    }

    #[test]
    fn a_prefixed_sheet_stored_anywhere_is_read_and_its_cells_counted() {
        let data: String = (2..=4)
            .map(|r| {
                format!(
                    "<x:row r=\"{r}\"><x:c r=\"A{r}\" t=\"inlineStr\"><x:is><x:t>2027-01-0{r}</x:t></x:is></x:c>\
                     <x:c r=\"B{r}\" t=\"inlineStr\"><x:is><x:t>USD</x:t></x:is></x:c>\
                     <x:c r=\"C{r}\" t=\"inlineStr\"><x:is><x:t>THB</x:t></x:is></x:c>\
                     <x:c r=\"D{r}\"><x:v>3{r}.5</x:v></x:c></x:row>"
                )
            })
            .collect();
        let rows = format!("<x:row r=\"1\">{}</x:row>{data}", rates_header_row("x:"));
        let file = workbook_with("xl/s1.xml", sheet_xml("x:", None, &rows));
        let i18n = I18n::load().unwrap_or_else(|e| panic!("{e:#}"));
        let read = read_sheet(&file, Kind::Rates, &i18n, &Limits::default())
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(read.len(), 3);
        assert_eq!(read[0].line, 2);
        assert_eq!(read[2].get("rate"), "34.5");
        let tight = Limits {
            max_cells: 15,
            ..Limits::default()
        };
        assert_eq!(
            read_sheet(&file, Kind::Rates, &i18n, &tight),
            Err(SheetError::Limit(LimitError::TooManyCells(15)))
        );
    }

    #[test]
    fn rows_and_text_kept_for_a_preview_are_bounded() {
        let data: String = (2..=12)
            .map(|r| {
                format!(
                    "<row r=\"{r}\"><c r=\"A{r}\" t=\"inlineStr\"><is><t>{}</t></is></c></row>",
                    "x".repeat(3000)
                )
            })
            .collect();
        let rows = format!("<row r=\"1\">{}</row>{data}", rates_header_row(""));
        let file = workbook_with("xl/worksheets/sheet1.xml", sheet_xml("", None, &rows));
        let i18n = I18n::load().unwrap_or_else(|e| panic!("{e:#}"));
        let few_rows = Limits {
            max_data_rows: 10,
            ..Limits::default()
        };
        assert_eq!(
            read_sheet(&file, Kind::Rates, &i18n, &few_rows),
            Err(SheetError::TooManyRows(10))
        );
        let little_text = Limits {
            max_text: 5_000,
            ..Limits::default()
        };
        assert_eq!(
            read_sheet(&file, Kind::Rates, &i18n, &little_text),
            Err(SheetError::TooMuchText(5_000))
        );
        let read = read_sheet(&file, Kind::Rates, &i18n, &Limits::default())
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            read[0].get("date").chars().count(),
            Limits::default().max_cell_chars,
            "a long cell is cut, still too long for any field"
        );
    }

    #[test]
    fn headers_match_regardless_of_case_spacing_and_marks() {
        assert_eq!(
            normalize_header("  Rate per room-night *"),
            "rateperroomnight"
        );
        assert_eq!(normalize_header("ROOM_TYPE"), normalize_header("room type"));
        assert_eq!(
            normalize_header("ราคาต่อห้องต่อคืน"),
            normalize_header(" ราคาต่อห้อง ต่อคืน ")
        );
    }

    #[test]
    fn excel_serial_days_are_dates() {
        assert_eq!(excel_date(46388.0), NaiveDate::from_ymd_opt(2027, 1, 1));
        assert_eq!(
            excel_date(46388.75),
            NaiveDate::from_ymd_opt(2027, 1, 1),
            "the time is dropped"
        );
        assert_eq!(excel_date(-5.0), None);
    }

    #[test]
    fn cells_become_canonical_text() {
        assert_eq!(
            cell_text(&Data::Float(2450.5), CellKind::Number).as_deref(),
            Some("2450.5")
        );
        assert_eq!(
            cell_text(&Data::Float(46388.0), CellKind::Date).as_deref(),
            Some("2027-01-01")
        );
        assert_eq!(
            cell_text(&Data::String(" 1.234,5 ".into()), CellKind::Number).as_deref(),
            Some("1.234,5")
        );
        assert_eq!(cell_text(&Data::Empty, CellKind::Text), None);
    }
}
