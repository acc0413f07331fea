//! Word lists about names: common given names with their usual gender (so "she" does not go
//! to a man), and the head words of organisations and places (which are not "he" or "she").

use crate::lowercase::Lowercase;
use crate::word_set;
use crate::wordset::WordSet;

/// Given names mostly borne by women.
#[rustfmt::skip]
static FEMALE: WordSet = word_set![
    "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah",
    "karen", "nancy", "lisa", "betty", "margaret", "sandra", "ashley", "kimberly", "emily", "donna",
    "michelle", "dorothy", "carol", "amanda", "melissa", "deborah", "stephanie", "rebecca",
    "sharon", "laura", "cynthia", "kathleen", "amy", "shirley", "angela", "helen", "anna", "brenda",
    "pamela", "nicole", "emma", "samantha", "katherine", "christine", "debra", "rachel",
    "catherine", "carolyn", "janet", "ruth", "maria", "heather", "diane", "virginia", "julie",
    "joyce", "victoria", "olivia", "kelly", "christina", "lauren", "joan", "evelyn", "judith",
    "megan", "cheryl", "andrea", "hannah", "martha", "jacqueline", "frances", "gloria", "ann",
    "teresa", "kathryn", "sara", "janice", "jean", "alice", "madison", "doris", "abigail", "julia",
    "judy", "grace", "denise", "amber", "marilyn", "beverly", "danielle", "theresa", "sophia",
    "marie", "diana", "brittany", "natalie", "isabella", "charlotte", "rose", "alexis", "kayla",
    "hillary", "nikki", "kellyanne", "sarah", "nancy", "elaine", "condoleezza", "sonia", "ruth",
    "kamala", "tulsi", "elise", "liz", "lizzie", "susana", "marsha", "kirsten", "tammy", "maxine",
    "debbie", "claire", "huma", "hope", "ivanka", "melania", "michele", "valerie", "loretta",
    "janet", "penny", "theresa", "angela", "marine", "ursula", "christine", "jacinda", "nicola",
    "priti", "yvette", "harriet", "diane", "caroline", "jo", "anne", "annette", "anneliese",
    "sahra", "petra", "ilse", "greta", "ingrid", "birgit", "sabine", "claudia", "renate",
    "ségolène", "marion", "isabelle", "sophie", "camille", "nathalie", "carmen", "lucia", "pilar",
    "isabel", "elena", "ana", "laia", "irene", "cristina", "teresa", "lena", "liesl", "hana",
    "ines", "maren", "edda", "ruth", "nadia", "marisol", "priya", "aisha", "fatima", "leila",
    "yulia", "olga", "svetlana", "natalia", "tatiana", "irina", "mei", "yuki", "aung", "benazir",
    "indira", "golda", "margrethe", "mette", "sanna", "giorgia",
];

/// Given names mostly borne by men.
#[rustfmt::skip]
static MALE: WordSet = word_set![
    "james", "john", "robert", "michael", "william", "david", "richard", "joseph", "thomas",
    "charles", "christopher", "daniel", "matthew", "anthony", "mark", "don", "donald", "steven", "paul",
    "andrew", "joshua", "kenneth", "kevin", "brian", "george", "timothy", "ronald", "edward",
    "jason", "jeffrey", "ryan", "jacob", "gary", "nicholas", "eric", "jonathan", "stephen", "larry",
    "justin", "scott", "brandon", "benjamin", "samuel", "gregory", "alexander", "frank", "patrick",
    "raymond", "jack", "dennis", "jerry", "tyler", "aaron", "jose", "adam", "nathan", "henry",
    "douglas", "zachary", "peter", "kyle", "ethan", "walter", "noah", "jeremy", "christian",
    "keith", "roger", "terry", "gerald", "harold", "sean", "austin", "carl", "arthur", "lawrence",
    "dylan", "jesse", "jordan", "bryan", "billy", "joe", "bruce", "gabriel", "logan", "albert",
    "willie", "alan", "juan", "wayne", "elijah", "randy", "roy", "vincent", "ralph", "eugene",
    "russell", "bobby", "mason", "philip", "louis", "barack", "bernie", "mitt", "ted", "marco",
    "jeb", "rand", "mike", "chris", "newt", "rudy", "reince", "paul", "mitch", "harry", "chuck",
    "bill", "tim", "jim", "tom", "bob", "dick", "rick", "ben", "ron", "hank", "lindsey", "orrin",
    "lamar", "jeff", "rex", "vladimir", "dmitry", "dmitri", "sergei", "sergey", "recep", "benjamin",
    "bashar", "xi", "kim", "emmanuel", "francois", "françois", "jean", "pierre", "jacques",
    "nicolas", "olaf", "friedrich", "helmut", "gerhard", "wolfgang", "horst", "heiko", "sigmar",
    "markus", "jürgen", "hans", "klaus", "karl", "heinz", "boris", "keir", "rishi", "nigel",
    "jeremy", "gordon", "tony", "david", "ed", "jacob", "dominic", "matteo", "giuseppe", "silvio",
    "mario", "pedro", "mariano", "pablo", "santiago", "alberto", "luis", "carlos", "jorge",
    "miguel", "manuel", "javier", "antonio", "francisco", "andrés", "ali", "mohammed", "muhammad",
    "mohammad", "ahmed", "hassan", "hussein", "omar", "abdul", "hossein", "hamid", "narendra",
    "rahul", "shinzo", "fumio", "volodymyr", "petro", "viktor", "alexei", "alexey", "ivan", "igor",
    "yuri", "mikhail", "nikolai", "tomas", "piotr", "karel", "jonas", "lars", "anders", "sven",
    "erik", "johan", "stefan", "andrzej", "lech", "jarosław", "mateusz", "donald", "kelvin", "matt",
    "nick", "dan", "sam", "josh", "tommy", "johnny", "jimmy", "danny", "eddie", "frankie", "lenny",
    "mo", "elon", "jared", "steve", "stephen",
];

/// Head words of organisations, places, groups and events: a name ending in one is not a
/// person.
#[rustfmt::skip]
static NOT_PERSON: WordSet = word_set![
    "party", "committee", "house", "senate", "congress", "department", "ministry", "university",
    "institute", "center", "centre", "council", "coalition", "association", "foundation", "times",
    "post", "news", "journal", "street", "avenue", "korea", "states", "union", "asia", "europe",
    "africa", "america", "americans", "republicans", "democrats", "war", "court", "agency",
    "bureau", "office", "administration", "campaign", "company", "corp", "inc", "group", "bank",
    "fund", "network", "service", "press", "media", "club", "church", "army", "navy", "force",
    "forces", "police", "government", "county", "city", "state", "province", "island", "islands",
    "sea", "ocean", "river", "mountains", "airport", "station", "hall", "square", "park",
    "hospital", "school", "college", "academy", "museum", "tower", "building", "stadium",
    "festival", "prize", "award", "act", "bill", "law", "treaty", "plan", "program", "project",
    "day", "week", "summit", "conference", "forum", "convention", "caucus", "republic", "kingdom",
    "federation", "nations", "east", "west", "north", "south", "ii", "iii", "club", "league",
    "team", "board", "commission", "authority", "watch", "review", "magazine", "channel", "radio",
    "tv", "television", "online", "co", "llc", "ltd", "plc", "movement", "alliance", "front",
    "organization", "organisation", "society", "trust", "initiative", "partnership", "district",
    "valley", "bay", "coast", "airlines", "motors", "reserve", "guard", "command", "pentagon",
    "kremlin", "palace", "capitol", "cabinet", "parliament", "assembly", "tribunal", "division",
    "unit", "squad", "brigade", "corps", "newspaper", "broadcaster", "website", "outlet",
    "tabloid",
];

/// The usual gender of a given name: 'f', 'm' or '?'.
pub fn gender_of(given: &str) -> char {
    let g = given.lowercase();
    if FEMALE.contains(&g.as_str()) {
        'f'
    } else if MALE.contains(&g.as_str()) {
        'm'
    } else {
        '?'
    }
}

/// Whether a name ends in the head word of an organisation, place or group.
pub fn is_not_person(name: &str) -> bool {
    // A generational suffix follows a person's surname ("Ana Ruiz III"); "World War II"
    // still ends in "War".
    super::people::surname_of(name)
        .is_some_and(|head| NOT_PERSON.contains(&head.lowercase().trim_end_matches('.')))
}

/// First words of place and organisation names ("New York", "United Nations").
static PLACE_STARTS: WordSet = word_set![
    "new",
    "united",
    "north",
    "south",
    "east",
    "west",
    "saint",
    "st",
    "san",
    "santa",
    "los",
    "las",
    "fort",
    "mount",
    "lake",
    "port",
    "the",
    "great",
    "upper",
    "lower",
    "central",
    "national",
    "federal",
    "royal",
    "european",
    "american",
    "democratic",
    "republican",
    "world",
    "white",
    "supreme",
    "middle",
    "islamic",
    "human",
    "planned",
    "black",
    "wall",
    "silicon",
];

/// Whether a name of two to four words looks like a person's: not the name of a place, an
/// organisation or a group.
pub fn looks_personal(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && !is_not_person(name)
        && !PLACE_STARTS.contains(&words[0].lowercase().as_str())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) || w.len() <= 3)
        // "FULL TEXT": a heading in capitals.
        && !words
            .iter()
            .all(|w| w.chars().count() > 1 && !w.chars().any(char::is_lowercase))
}

/// Articles and determiners of German, French, Spanish and Italian that open a noun phrase,
/// not a name ("Die Medien", "La Comisión").
static FOREIGN_DETERMINERS: WordSet = word_set![
    "die", "der", "das", "dem", "den", "des", "ein", "eine", "einer", "einige", "sein", "seine",
    "ihr", "ihre", "la", "le", "les", "el", "los", "las", "un", "une", "una", "il", "lo", "gli",
    // Conjunctions and adverbs that open a sentence ("Doch Brandt will ...").
    "doch", "aber", "und", "auch", "dann", "nun", "mais", "et", "puis", "pero", "y", "e",
];

/// Whether a speaker found in an article not in English looks like a person's full name: a
/// given name the lists know, or two to four capitalised words in upper and lower case that
/// open on no article or conjunction ("Ruven Tallmer", not "Die Behörde", "Doch Tallmer" or
/// "Zukunft von Brill").
pub fn foreign_person(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    has_given_name(name)
        || ((2..=4).contains(&words.len())
            && !FOREIGN_DETERMINERS.contains(&words[0].lowercase().as_str())
            && words.iter().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().any(char::is_lowercase)
            }))
}

/// Whether a name may be a person's: not an acronym ("KHP"), not ending in the head word of
/// an organisation or place ("State"), not opening like a place ("New Ardmoor").
pub fn may_be_person(name: &str) -> bool {
    let first = name.split_whitespace().next().unwrap_or_default();
    !is_not_person(name)
        && name.chars().any(char::is_lowercase)
        && !(name.contains(' ') && PLACE_STARTS.contains(&first.lowercase().as_str()))
}

/// Whether a role describes an organisation, not a person: its head (the last word before
/// "of", "for" and the like) is the head word of one ("the state news agency", but not
/// "chairman of the harbour committee").
pub fn role_of_organisation(role: &str) -> bool {
    let head = role
        .split_whitespace()
        .take_while(|w| {
            !matches!(
                *w,
                "of" | "for" | "at" | "in" | "on" | "with" | "from" | "to"
            )
        })
        .collect::<Vec<_>>()
        .join(" ");
    is_not_person(&head)
}

/// Whether a name starts with a known given name.
pub fn has_given_name(name: &str) -> bool {
    name.split_whitespace()
        .next()
        .is_some_and(|w| gender_of(w) != '?')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn genders_and_organisations() {
        assert_eq!(gender_of("Hillary"), 'f');
        assert_eq!(gender_of("Barack"), 'm');
        assert_eq!(gender_of("Kelvarra"), '?');
        assert!(is_not_person("EB-5 Investment Coalition"));
        assert!(is_not_person("World War II"));
        assert!(!is_not_person("Anton Velikov") && !is_not_person("Ana B. Ruiz III"));
        assert!(role_of_organisation("the official coastal news agency"));
        assert!(role_of_organisation("a weekly newspaper"));
        assert!(!role_of_organisation("chairman of the harbour committee"));
    }

    #[test]
    fn a_full_name_in_an_article_not_in_english() {
        assert!(foreign_person("Ruven Tallmer") && foreign_person("Liesl Varga"));
        assert!(!foreign_person("Die Behörde") && !foreign_person("Auskunft"));
        assert!(!foreign_person("Zukunft von Brill") && !foreign_person("La Comisión"));
        assert!(!foreign_person("Doch Tallmer") && !foreign_person("Mais Tallmer"));
        // "Ma" is a surname as well as Italian "but".
        assert!(foreign_person("Ma Lirong"));
    }
}
