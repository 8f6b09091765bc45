//! The dataset's references as types: an index per kind of record (a unit, a city, an event, a
//! period, a source, a status), and [`Place`], where an event happened. The lowest file of the
//! model: it imports nothing.

macro_rules! index_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub u32);

        impl $name {
            /// The position in the dataset's list.
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
    };
}

index_type!(
    /// Position of a unit in [`Dataset::units`].
    UnitIdx
);
index_type!(
    /// Position of a city in [`Dataset::cities`].
    CityIdx
);
index_type!(
    /// Position of an event in [`Dataset::events`].
    EventIdx
);
index_type!(
    /// Position of a source in [`Dataset::sources`].
    SourceIdx
);
index_type!(
    /// Position of a status period in [`Dataset::periods`].
    PeriodIdx
);
index_type!(
    /// Position of a status in [`Meta::statuses`].
    StatusIdx
);
index_type!(
    /// Position of an event kind in [`Meta::kinds`].
    KindIdx
);

/// Where an event happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Place {
    /// The country as a whole.
    Country,
    Unit(UnitIdx),
    City(CityIdx),
}
