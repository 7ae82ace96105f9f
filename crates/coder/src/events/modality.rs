//! How a governing modal (pledge, threaten, refuse, urge, demand) re-codes the event it
//! governs, following the CAMEO manual's "express intent" (03), "threaten" (13), "reject"
//! (12), "appeal" (02) and "demand" (10) families.

use wirecoder_knowledge::verbs::Modality;

/// The code of `modality` applied to an event coded `code`; None when the combination is
/// not an event (e.g. "refused to attack" is not a CAMEO event).
pub fn apply(modality: Modality, code: &str) -> Option<String> {
    let root = code.get(..2)?;
    let sub = code.get(..3).unwrap_or(code);
    let s = |x: &str| Some(x.to_string());
    match modality {
        Modality::Intent => match root {
            // Statements of intent to cooperate (03x), mirroring the material family.
            "01" | "02" => None,
            "03" => s(code),
            "04" => s("036"),
            "05" => s("032"),
            "06" => match sub {
                "061" => s("0311"),
                "062" => s("0312"),
                "063" => s("0313"),
                "064" => s("0314"),
                _ => s("031"),
            },
            "07" => match sub {
                "071" => s("0331"),
                "072" => s("0332"),
                "073" => s("0333"),
                "074" => s("0334"),
                _ => s("033"),
            },
            "08" => match sub {
                "081" => s("0351"),
                "082" => s("0352"),
                "083" => s("034"),
                "084" => s("0353"),
                "085" => s("0354"),
                "086" => s("0355"),
                "087" => s("0356"),
                _ => s("035"),
            },
            "09" => s("030"),
            // An announced intention to use force against a target is a threat (CAMEO 138:
            // "explicitly threaten to use military force").
            _ => threat(root, sub),
        },
        Modality::Threat => threat(root, sub),
        Modality::Refuse => match root {
            "03" | "05" => s("120"),
            "04" => s("125"),
            "06" => match sub {
                "061" => s("1211"),
                "062" => s("1212"),
                "063" => s("1213"),
                "064" => s("1214"),
                _ => s("121"),
            },
            "07" => match sub {
                "071" => s("1221"),
                "072" => s("1222"),
                "073" => s("1223"),
                "074" => s("1224"),
                _ => s("122"),
            },
            "08" => match sub {
                "081" => s("1241"),
                "082" => s("1242"),
                "083" => s("123"),
                "084" => s("1243"),
                "085" => s("1244"),
                "086" => s("1245"),
                "087" => s("1246"),
                _ => s("124"),
            },
            _ => None,
        },
        Modality::Appeal => match root {
            "04" => s("026"),
            "05" => s("022"),
            "06" => match sub {
                "061" => s("0211"),
                "062" => s("0212"),
                "063" => s("0213"),
                "064" => s("0214"),
                _ => s("021"),
            },
            "07" => match sub {
                "071" => s("0231"),
                "072" => s("0232"),
                "073" => s("0233"),
                "074" => s("0234"),
                _ => s("023"),
            },
            "08" => match sub {
                "083" => s("024"),
                "084" => s("0253"),
                "085" => s("0254"),
                "087" => s("0256"),
                _ => s("025"),
            },
            "03" | "02" | "09" => s("020"),
            _ => None,
        },
        Modality::Demand => match root {
            "04" => s("106"),
            "05" => s("102"),
            "06" => match sub {
                "061" => s("1011"),
                "062" => s("1012"),
                "063" => s("1013"),
                "064" => s("1014"),
                _ => s("101"),
            },
            "07" => match sub {
                "071" => s("1031"),
                "072" => s("1032"),
                "073" => s("1033"),
                "074" => s("1034"),
                _ => s("103"),
            },
            "08" => match sub {
                "081" => s("1051"),
                "082" => s("1052"),
                "083" => s("104"),
                "084" => s("1053"),
                "085" => s("1054"),
                "086" => s("1055"),
                "087" => s("1056"),
                _ => s("105"),
            },
            "03" | "02" | "09" => s("100"),
            _ => None,
        },
    }
}

fn threat(root: &str, sub: &str) -> Option<String> {
    let s = |x: &str| Some(x.to_string());
    match root {
        "16" => match sub {
            "161" => s("1313"),
            "162" => s("1311"),
            "163" => s("1312"),
            "164" => s("134"),
            "165" => s("135"),
            "166" => s("136"),
            _ => s("131"),
        },
        "17" => match sub {
            "172" => s("132"),
            "175" => s("137"),
            _ => s("130"),
        },
        "14" => s("133"),
        "15" => s("138"),
        "18" => s("1383"),
        "19" => match sub {
            "191" => s("1381"),
            "192" => s("1382"),
            _ => s("1384"),
        },
        "20" => s("1385"),
        "13" => s(sub),
        "10" | "11" | "12" => s("130"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intent_and_threat() {
        assert_eq!(apply(Modality::Intent, "042").as_deref(), Some("036"));
        assert_eq!(apply(Modality::Intent, "072").as_deref(), Some("0332"));
        assert_eq!(apply(Modality::Intent, "195").as_deref(), Some("1384"));
        assert_eq!(apply(Modality::Threat, "163").as_deref(), Some("1312"));
        assert_eq!(apply(Modality::Threat, "192").as_deref(), Some("1382"));
    }

    #[test]
    fn refusal_appeal_demand() {
        assert_eq!(apply(Modality::Refuse, "040").as_deref(), Some("125"));
        assert_eq!(apply(Modality::Refuse, "084").as_deref(), Some("1243"));
        assert_eq!(apply(Modality::Refuse, "190"), None);
        assert_eq!(apply(Modality::Appeal, "046").as_deref(), Some("026"));
        assert_eq!(apply(Modality::Demand, "084").as_deref(), Some("1053"));
    }
}
