//! Status periods: a unit under a status (a state of emergency) from a declaration to a
//! lifting, each known to the minute or only within an interval the record supports.

use super::ids::{SourceIdx, StatusIdx, UnitIdx};
use crate::clock::Instant;

/// Why a bound of an interval lies where it does, and who says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    pub text: String,
    pub source: Option<SourceIdx>,
}

/// When a declaration or a lifting took effect: a known minute (`earliest == latest`), or
/// some minute in `[earliest, latest)` that the record does not pin down.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bound {
    pub earliest: Instant,
    pub latest: Instant,
    pub earliest_reason: Option<Reason>,
    pub latest_reason: Option<Reason>,
    /// The minute is read on the dataset's clock although the record does not say whose clock
    /// it is (a decree's "01:30" in a region on another time zone).
    pub presumed_clock: bool,
}

impl Bound {
    /// A bound known to the minute.
    pub fn at(t: Instant) -> Self {
        Bound {
            earliest: t,
            latest: t,
            earliest_reason: None,
            latest_reason: None,
            presumed_clock: false,
        }
    }

    /// True when the minute is known.
    pub fn is_exact(&self) -> bool {
        self.earliest == self.latest
    }

    /// True while `t` is inside the interval in which it may have happened.
    pub fn undecided_at(&self, t: Instant) -> bool {
        self.earliest <= t && t < self.latest
    }
}

/// Whether a status holds at an instant, as far as the record says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Standing {
    /// Certainly not (before the earliest declaration, or after the latest lifting).
    Out,
    /// The declaration or the lifting may or may not have happened yet.
    Uncertain,
    /// Certainly.
    In,
}

/// A unit's period under a status (a state of emergency).
#[derive(Debug, Clone)]
pub struct Period {
    pub unit: UnitIdx,
    pub status: StatusIdx,
    pub declared: Bound,
    /// When it was lifted; `None` if it outlasts the dataset.
    pub lifted: Option<Bound>,
    pub lifted_early: bool,
    /// The end date the decree first set.
    pub decreed_end: Option<Instant>,
    pub decree: Option<String>,
    pub curfew: Option<String>,
    pub note: Option<String>,
    pub sources: Vec<SourceIdx>,
}

impl Period {
    /// Where the status stands at `t`. A bound known to the minute takes effect at that minute:
    /// the status holds from the declaration minute up to, not including, the lifting minute.
    /// Within a bound's interval it is uncertain.
    pub fn standing_at(&self, t: Instant) -> Standing {
        if t < self.declared.earliest {
            return Standing::Out;
        }
        if t < self.declared.latest {
            return Standing::Uncertain;
        }
        match &self.lifted {
            None => Standing::In,
            Some(l) if t < l.earliest => Standing::In,
            Some(l) if t < l.latest => Standing::Uncertain,
            Some(_) => Standing::Out,
        }
    }

    /// True when the status certainly holds at `t`.
    pub fn holds_at(&self, t: Instant) -> bool {
        self.standing_at(t) == Standing::In
    }

    /// The declaration and the lifting, in order.
    pub fn bounds(&self) -> impl Iterator<Item = &Bound> {
        std::iter::once(&self.declared).chain(self.lifted.as_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minute: i64) -> Instant {
        Instant::from_unix_minutes(minute)
    }

    fn between(earliest: i64, latest: i64) -> Bound {
        Bound {
            earliest: at(earliest),
            latest: at(latest),
            ..Bound::at(at(earliest))
        }
    }

    fn period(declared: Bound, lifted: Option<Bound>) -> Period {
        Period {
            unit: UnitIdx(0),
            status: StatusIdx(0),
            declared,
            lifted,
            lifted_early: false,
            decreed_end: None,
            decree: None,
            curfew: None,
            note: None,
            sources: Vec::new(),
        }
    }

    #[test]
    fn status_is_declared_at_the_decree_minute_and_not_the_minute_before() {
        let p = period(Bound::at(at(1000)), Some(Bound::at(at(2000))));
        assert!(!p.holds_at(at(999)));
        assert!(p.holds_at(at(1000)));
    }

    #[test]
    fn status_is_lifted_at_the_lifting_minute_and_holds_the_minute_before() {
        let p = period(Bound::at(at(1000)), Some(Bound::at(at(2000))));
        assert!(p.holds_at(at(1999)));
        assert!(!p.holds_at(at(2000)));
    }

    #[test]
    fn a_status_never_lifted_holds_ever_after() {
        let p = period(Bound::at(at(1000)), None);
        assert!(p.holds_at(at(i64::from(i32::MAX))));
    }

    #[test]
    fn a_declaration_known_only_within_an_interval_is_uncertain_inside_it() {
        let p = period(between(1000, 1600), None);
        assert_eq!(p.standing_at(at(999)), Standing::Out);
        assert_eq!(p.standing_at(at(1000)), Standing::Uncertain);
        assert_eq!(p.standing_at(at(1599)), Standing::Uncertain);
        assert_eq!(p.standing_at(at(1600)), Standing::In);
    }

    #[test]
    fn a_lifting_known_only_to_the_day_is_uncertain_through_that_day() {
        let day = 24 * 60;
        let p = period(Bound::at(at(0)), Some(between(10 * day, 11 * day)));
        assert_eq!(p.standing_at(at(10 * day - 1)), Standing::In);
        assert_eq!(p.standing_at(at(10 * day)), Standing::Uncertain);
        assert_eq!(p.standing_at(at(11 * day - 1)), Standing::Uncertain);
        assert_eq!(p.standing_at(at(11 * day)), Standing::Out);
    }
}
