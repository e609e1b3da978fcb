//! Identifiers of stored records, one type per kind of record, so that a guide's id can never
//! be passed where a hotel's is expected. They travel from the path extractor to the query.

use std::fmt;

/// Declares an id newtype over the database's `BIGINT` key: `Display` as the number, serde as
/// the number (so `web::Path<GuideId>` reads a path segment).
macro_rules! id_type {
    ($(#[$doc:meta] $name:ident),* $(,)?) => {$(
        #[$doc]
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize,
            serde::Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}

id_type!(
    /// A staff member.
    UserId,
    /// A signed-in session of a staff member.
    SessionId,
    /// A supplier of any kind.
    SupplierId,
    /// A hotel's room type.
    RoomTypeId,
    /// A seasonal contract rate of a room type.
    RoomRateId,
    /// A hotel's peak-period surcharge.
    PeakId,
    /// Rooms a hotel holds for a room type over a period.
    AllotmentId,
    /// A transport company's vehicle.
    VehicleId,
    /// A guide.
    GuideId,
    /// A client agency.
    AgencyId,
    /// A contact of a supplier or a client agency.
    ContactId,
    /// An exchange rate.
    ExchangeRateId,
    /// An import batch (an uploaded workbook between preview and commit).
    ImportBatchId,
    /// A tour (a product template).
    TourId,
    /// A day of a tour's itinerary.
    TourDayId,
    /// A service line of an itinerary day.
    TourLineId,
    /// A quotation to a client agency.
    QuotationId,
    /// One version of a quotation.
    QuotationVersionId,
    /// A group (a departure of a tour).
    GroupId,
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_show_and_read_as_their_numbers() {
        assert_eq!(GuideId(42).to_string(), "42");
        assert_eq!(
            serde_json::to_string(&AgencyId(7)).ok().as_deref(),
            Some("7")
        );
        assert_eq!(
            serde_json::from_str::<SupplierId>("9").ok(),
            Some(SupplierId(9))
        );
    }
}
