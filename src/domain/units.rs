//! Who competes: the two blocs and their default member units (see the domain reference).

use serde::{Deserialize, Serialize};

use super::keyed::keyed_enum;

keyed_enum! {
    /// The two blocs (khối), ranked separately. The id is the stable one used in the page
    /// contract and in files.
    #[derive(
        Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
    )]
    #[serde(rename_all = "snake_case")]
    pub enum Bloc as id / from_id {
        /// Khối xã, thị trấn: the communes and towns.
        #[default]
        Commune = "commune",
        /// Khối ban ngành huyện: the district agencies.
        Agency = "agency",
    }
}

impl Bloc {
    /// The default member units of the bloc.
    pub fn units(self) -> &'static [Unit] {
        match self {
            Bloc::Commune => COMMUNES,
            Bloc::Agency => AGENCIES,
        }
    }

    /// How many leading units are rewarded at the end of the campaign (seed).
    pub fn award_places(self) -> usize {
        match self {
            Bloc::Commune => 5,
            Bloc::Agency => 3,
        }
    }
}

/// A competing unit. Communes use their statistics code as id; agencies a slug.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    pub id: &'static str,
    pub name: &'static str,
    pub bloc: Bloc,
}

/// The option value of a unit that is not in the default lists; its name is typed.
pub const OTHER_UNIT_ID: &str = "other";

const fn commune(id: &'static str, name: &'static str) -> Unit {
    Unit {
        id,
        name,
        bloc: Bloc::Commune,
    }
}

const fn agency(id: &'static str, name: &'static str) -> Unit {
    Unit {
        id,
        name,
        bloc: Bloc::Agency,
    }
}

/// The 11 commune-level units of Vĩnh Thạnh in 2021 (seed).
pub const COMMUNES: &[Unit] = &[
    commune("31231", "Thị trấn Thạnh An"),
    commune("31232", "Thị trấn Vĩnh Thạnh"),
    commune("31211", "Xã Vĩnh Bình"),
    commune("31234", "Xã Thạnh Mỹ"),
    commune("31237", "Xã Vĩnh Trinh"),
    commune("31240", "Xã Thạnh An"),
    commune("31241", "Xã Thạnh Tiến"),
    commune("31243", "Xã Thạnh Thắng"),
    commune("31244", "Xã Thạnh Lợi"),
    commune("31246", "Xã Thạnh Qưới"),
    commune("31252", "Xã Thạnh Lộc"),
];

/// The default list of district agencies (not verified for Vĩnh Thạnh; editable later).
pub const AGENCIES: &[Unit] = &[
    agency("vp-hdnd-ubnd", "Văn phòng HĐND và UBND huyện"),
    agency("noi-vu", "Phòng Nội vụ"),
    agency("tu-phap", "Phòng Tư pháp"),
    agency("tai-chinh-ke-hoach", "Phòng Tài chính – Kế hoạch"),
    agency("tai-nguyen-moi-truong", "Phòng Tài nguyên và Môi trường"),
    agency("lao-dong-tbxh", "Phòng Lao động – Thương binh và Xã hội"),
    agency("van-hoa-thong-tin", "Phòng Văn hóa và Thông tin"),
    agency("giao-duc-dao-tao", "Phòng Giáo dục và Đào tạo"),
    agency("y-te", "Phòng Y tế"),
    agency("thanh-tra", "Thanh tra huyện"),
    agency(
        "nong-nghiep-ptnt",
        "Phòng Nông nghiệp và Phát triển nông thôn",
    ),
    agency("kinh-te-ha-tang", "Phòng Kinh tế và Hạ tầng"),
];

/// Looks a unit up by id in either bloc.
pub fn find_unit(id: &str) -> Option<&'static Unit> {
    COMMUNES.iter().chain(AGENCIES).find(|unit| unit.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn the_blocs_have_the_documented_members() {
        assert_eq!(COMMUNES.len(), 11);
        assert_eq!(AGENCIES.len(), 12);
        let ids: HashSet<_> = COMMUNES.iter().chain(AGENCIES).map(|u| u.id).collect();
        assert_eq!(ids.len(), 23, "ids are unique");
        assert!(!ids.contains(OTHER_UNIT_ID));
        assert!(COMMUNES
            .iter()
            .all(|u| u.bloc == Bloc::Commune && u.id.len() == 5));
        assert!(AGENCIES.iter().all(|u| u.bloc == Bloc::Agency));
        assert_eq!(find_unit("31211").map(|u| u.name), Some("Xã Vĩnh Bình"));
        assert_eq!(find_unit("y-te").map(|u| u.bloc), Some(Bloc::Agency));
        assert_eq!(find_unit("nowhere"), None);
    }

    #[test]
    fn award_places_follow_the_seed() {
        assert_eq!(Bloc::Commune.award_places(), 5);
        assert_eq!(Bloc::Agency.award_places(), 3);
        assert_eq!(Bloc::from_id("agency"), Some(Bloc::Agency));
        assert_eq!(Bloc::from_id("x"), None);
    }
}
