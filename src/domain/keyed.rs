//! Enums that the page contract or the files write as stable strings: each pair is written
//! once, in the enum's declaration, and both directions are derived from it.

/// Declares a fieldless enum with one stable string per variant (`Variant = "string"`), and
/// derives `ALL` (every variant, in order), `key()` (the variant's string) and `from_key()`
/// (the variant of a string, `None` for any other). `enum Name as id / from_id { .. }` gives
/// the two methods other names.
macro_rules! keyed_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident as $key:ident / $from_key:ident {
            $($(#[$variant_meta:meta])* $variant:ident = $text:literal),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $($(#[$variant_meta])* $variant),+
        }

        impl $name {
            /// Every variant, in the declaration's order.
            pub const ALL: [$name; [$($text),+].len()] = [$($name::$variant),+];

            /// The variant's stable string.
            pub fn $key(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            /// The variant of a stable string.
            pub fn $from_key(key: &str) -> Option<$name> {
                match key {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }
        }
    };
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident { $($body:tt)* }
    ) => {
        $crate::domain::keyed::keyed_enum! {
            $(#[$meta])* $vis enum $name as key / from_key { $($body)* }
        }
    };
}

pub(crate) use keyed_enum;

#[cfg(test)]
mod tests {
    keyed_enum! {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        enum Colour {
            Red = "red",
            DarkBlue = "dark-blue",
        }
    }

    keyed_enum! {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        enum Side as id / from_id {
            Left = "l",
        }
    }

    #[test]
    fn each_string_goes_both_ways_and_others_are_none() {
        assert_eq!(Colour::ALL, [Colour::Red, Colour::DarkBlue]);
        for colour in Colour::ALL {
            assert_eq!(Colour::from_key(colour.key()), Some(colour));
        }
        assert_eq!(Colour::DarkBlue.key(), "dark-blue");
        assert_eq!(Colour::from_key("Red"), None);
        assert_eq!(Side::ALL, [Side::Left]);
        assert_eq!(
            (Side::Left.id(), Side::from_id("l")),
            ("l", Some(Side::Left))
        );
    }
}
