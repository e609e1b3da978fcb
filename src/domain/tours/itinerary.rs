//! A tour as a product template: its client-facing texts in the four document languages, its
//! itinerary days and each day's service lines (what is booked that day and how it is costed).

use serde::{Deserialize, Serialize};

use crate::domain::ids::{GuideId, RoomTypeId, SupplierId, VehicleId};
use crate::domain::locale::Locale;
use crate::domain::money::Money;

/// The longest tour, in days: a costing prices every day and a group books every night.
pub const MAX_DAYS: i32 = 60;
/// The most nights one hotel line may hold.
pub const MAX_LINE_NIGHTS: i32 = 30;
/// The most fixed tickets one entrance line may buy.
pub const MAX_TICKETS: i32 = 999;

/// A text in each language a tour is written in. An empty one reads as the agency's default
/// language ([`Texts::read`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Texts {
    pub en: String,
    pub th: String,
    pub zh: String,
    pub vi: String,
}

impl Texts {
    /// The text written in `locale`, possibly empty.
    pub fn get(&self, locale: Locale) -> &str {
        match locale {
            Locale::En => &self.en,
            Locale::Th => &self.th,
            Locale::ZhCn => &self.zh,
            Locale::Vi => &self.vi,
        }
    }

    pub fn set(&mut self, locale: Locale, text: String) {
        match locale {
            Locale::En => self.en = text,
            Locale::Th => self.th = text,
            Locale::ZhCn => self.zh = text,
            Locale::Vi => self.vi = text,
        }
    }

    /// The text in `wanted`, else in the agency's `default` language, else the first written
    /// (English, Thai, Chinese, Vietnamese): a reader never sees a blank where a text exists.
    pub fn read(&self, wanted: Locale, default: Locale) -> &str {
        [wanted, default]
            .into_iter()
            .chain(Locale::ALL)
            .map(|l| self.get(l))
            .find(|t| !t.trim().is_empty())
            .unwrap_or_default()
    }

    /// The field-name suffix of each language in forms and columns (`description_zh`).
    pub fn suffix(locale: Locale) -> &'static str {
        match locale {
            Locale::En => "en",
            Locale::Th => "th",
            Locale::ZhCn => "zh",
            Locale::Vi => "vi",
        }
    }
}

/// Everything a tour's form sets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TourData {
    pub code: String,
    pub name: String,
    pub description: Texts,
    pub days: i32,
    pub nights: i32,
    /// The cities it visits, as written (`Bangkok, Pattaya`).
    pub cities: String,
    pub market: String,
    /// The fewest paying guests it runs with; a group under it is warned about.
    pub min_pax: i32,
}

/// Why a tour's data is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TourError {
    #[error("more nights than days")]
    NightsOverDays,
    #[error("the code is taken")]
    CodeTaken,
}

impl TourData {
    /// The rules between fields: a tour of 5 days has at most 5 nights (a cruise or an
    /// overnight train may make days = nights).
    pub fn check(&self) -> Result<(), TourError> {
        if self.nights > self.days {
            return Err(TourError::NightsOverDays);
        }
        Ok(())
    }
}

/// One day of an itinerary.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayData {
    pub title: Texts,
    pub text: Texts,
    pub overnight_city: String,
}

/// A meal a restaurant serves at its contract price per person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MealKind {
    Breakfast,
    Lunch,
    Dinner,
}

impl MealKind {
    pub const ALL: [MealKind; 3] = [MealKind::Breakfast, MealKind::Lunch, MealKind::Dinner];

    pub fn as_str(self) -> &'static str {
        match self {
            MealKind::Breakfast => "breakfast",
            MealKind::Lunch => "lunch",
            MealKind::Dinner => "dinner",
        }
    }

    pub fn parse(raw: &str) -> Option<MealKind> {
        MealKind::ALL.into_iter().find(|m| m.as_str() == raw)
    }
}

/// Who a free-text item's cost is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CostBasis {
    /// Once for the group (a boat, a permit).
    Group,
    /// For each traveller, FOC places included (a show ticket, a gift).
    Person,
}

impl CostBasis {
    pub fn as_str(self) -> &'static str {
        match self {
            CostBasis::Group => "group",
            CostBasis::Person => "person",
        }
    }

    pub fn parse(raw: &str) -> Option<CostBasis> {
        [CostBasis::Group, CostBasis::Person]
            .into_iter()
            .find(|b| b.as_str() == raw)
    }
}

/// What a service line books, with what its cost is found from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Service {
    /// Rooms of one type for `nights` nights from the line's day, twin-share.
    Hotel {
        hotel: SupplierId,
        room_type: RoomTypeId,
        nights: i32,
    },
    /// A vehicle of the company for the day (or a transfer). Without a vehicle, each pax tier
    /// rides the smallest of the company's vehicles that seats it.
    Transport {
        company: SupplierId,
        vehicle: Option<VehicleId>,
        transfer: bool,
    },
    Meal {
        restaurant: SupplierId,
        meal: MealKind,
    },
    /// Tickets: one adult ticket per traveller when both counts are 0, else exactly `adults`
    /// adult and `children` child tickets for the group.
    Entrance {
        attraction: SupplierId,
        adults: i32,
        children: i32,
    },
    /// A guide's day, at the named guide's daily fee (without one, the line needs a rate set
    /// on the costing sheet).
    GuideDay { guide: Option<GuideId> },
    /// A shopping stop: it costs nothing (the shop pays commission).
    Shopping { shop: SupplierId },
    /// Anything else, with its own cost.
    Other { cost: Money, basis: CostBasis },
}

/// The kind of a service line, as stored and as a form chooses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LineKind {
    Hotel,
    Transport,
    Meal,
    Entrance,
    Guide,
    Shopping,
    Other,
}

impl LineKind {
    pub const ALL: [LineKind; 7] = [
        LineKind::Hotel,
        LineKind::Transport,
        LineKind::Meal,
        LineKind::Entrance,
        LineKind::Guide,
        LineKind::Shopping,
        LineKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            LineKind::Hotel => "hotel",
            LineKind::Transport => "transport",
            LineKind::Meal => "meal",
            LineKind::Entrance => "entrance",
            LineKind::Guide => "guide",
            LineKind::Shopping => "shopping",
            LineKind::Other => "other",
        }
    }

    pub fn parse(raw: &str) -> Option<LineKind> {
        LineKind::ALL.into_iter().find(|k| k.as_str() == raw)
    }
}

/// How a line's cost counts: fixed for the group (per group, per vehicle-day, per guide-day)
/// or variable with the travellers (per pax, per room twin-share, per meal).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    Group,
    VehicleDay,
    GuideDay,
    Person,
    RoomTwinShare,
    Meal,
    /// Costs nothing (a shopping stop).
    NoCost,
}

impl Basis {
    /// Fixed costs are shared by the paying guests; variable ones grow with each traveller.
    pub fn fixed(self) -> bool {
        matches!(self, Basis::Group | Basis::VehicleDay | Basis::GuideDay)
    }
}

impl Service {
    pub fn basis(&self) -> Basis {
        match self {
            Service::Hotel { .. } => Basis::RoomTwinShare,
            Service::Transport { .. } => Basis::VehicleDay,
            Service::Meal { .. } => Basis::Meal,
            Service::Entrance {
                adults: 0,
                children: 0,
                ..
            } => Basis::Person,
            Service::Entrance { .. } => Basis::Group,
            Service::GuideDay { .. } => Basis::GuideDay,
            Service::Shopping { .. } => Basis::NoCost,
            Service::Other {
                basis: CostBasis::Group,
                ..
            } => Basis::Group,
            Service::Other {
                basis: CostBasis::Person,
                ..
            } => Basis::Person,
        }
    }

    pub fn kind(&self) -> LineKind {
        match self {
            Service::Hotel { .. } => LineKind::Hotel,
            Service::Transport { .. } => LineKind::Transport,
            Service::Meal { .. } => LineKind::Meal,
            Service::Entrance { .. } => LineKind::Entrance,
            Service::GuideDay { .. } => LineKind::Guide,
            Service::Shopping { .. } => LineKind::Shopping,
            Service::Other { .. } => LineKind::Other,
        }
    }

    /// The supplier the line books, if any.
    pub fn supplier(&self) -> Option<SupplierId> {
        match self {
            Service::Hotel { hotel, .. } => Some(*hotel),
            Service::Transport { company, .. } => Some(*company),
            Service::Meal { restaurant, .. } => Some(*restaurant),
            Service::Entrance { attraction, .. } => Some(*attraction),
            Service::Shopping { shop } => Some(*shop),
            Service::GuideDay { .. } | Service::Other { .. } => None,
        }
    }
}

/// A service line: what it books and a note (for a free-text item, what it is).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineData {
    pub service: Service,
    pub description: String,
}

/// Where a day or a line moves in its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
}

impl Move {
    pub fn parse(raw: &str) -> Option<Move> {
        match raw {
            "up" => Some(Move::Up),
            "down" => Some(Move::Down),
            _ => None,
        }
    }
}

/// `ids` in their order with `id` moved one place up or down; unchanged at an end or when `id`
/// is not among them.
pub fn moved<T: PartialEq + Copy>(ids: &[T], id: T, direction: Move) -> Vec<T> {
    let mut out = ids.to_vec();
    if let Some(i) = out.iter().position(|x| *x == id) {
        match direction {
            Move::Up if i > 0 => out.swap(i, i - 1),
            Move::Down if i + 1 < out.len() => out.swap(i, i + 1),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_text_reads_in_the_default_language_then_any_written_one() {
        let t = Texts {
            en: "Grand Palace".into(),
            zh: "大皇宫".into(),
            ..Texts::default()
        };
        assert_eq!(t.read(Locale::ZhCn, Locale::En), "大皇宫");
        assert_eq!(t.read(Locale::Th, Locale::En), "Grand Palace");
        assert_eq!(t.read(Locale::Vi, Locale::ZhCn), "大皇宫");
        let only_vi = Texts {
            vi: "Vịnh Hạ Long".into(),
            ..Texts::default()
        };
        assert_eq!(only_vi.read(Locale::En, Locale::Th), "Vịnh Hạ Long");
        assert_eq!(Texts::default().read(Locale::En, Locale::En), "");
    }

    #[test]
    fn moving_swaps_with_the_neighbour_and_stops_at_the_ends() {
        let ids = [1, 2, 3];
        assert_eq!(moved(&ids, 2, Move::Up), vec![2, 1, 3]);
        assert_eq!(moved(&ids, 2, Move::Down), vec![1, 3, 2]);
        assert_eq!(moved(&ids, 1, Move::Up), vec![1, 2, 3]);
        assert_eq!(moved(&ids, 3, Move::Down), vec![1, 2, 3]);
        assert_eq!(moved(&ids, 9, Move::Down), vec![1, 2, 3]);
    }

    #[test]
    fn a_tour_has_no_more_nights_than_days() {
        let mut t = TourData {
            code: "BKK5".into(),
            name: "Bangkok".into(),
            description: Texts::default(),
            days: 5,
            nights: 4,
            cities: String::new(),
            market: String::new(),
            min_pax: 10,
        };
        assert_eq!(t.check(), Ok(()));
        t.nights = 6;
        assert_eq!(t.check(), Err(TourError::NightsOverDays));
    }
}
