//! "how much did i spend on food", « combien pour la bouffe »: food is groceries and dining
//! out together (the engine reads the word as groceries alone). Groceries named as such
//! ("food shopping", "grocery", « les courses ») stay groceries.

use bankbot_core::Category;

use crate::cues::fold;
use crate::intents::spending::Skip;

/// Words of food in general, padded and folded.
const FOOD: &[&str] = &[
    " food ",
    " grub ",
    " eating ",
    " bouffe ",
    " nourriture ",
    " manger ",
    " alimentation ",
    " la bouffe ",
];

/// Words of groceries or of eating out named as such, padded and folded.
const NARROW: &[&str] = &[
    " whole food",
    " food shop",
    " grocer",
    " supermarket",
    " eating out ",
    " fast food ",
    " food out ",
    " food delivery ",
    " restaurant",
    " takeaway",
    " takeout",
    " courses ",
    " epicerie ",
    " supermarche",
    " resto",
    " bouffe dehors ",
];

/// The categories food covers, as a filter, when `text` names food in general and the
/// engine read `category`.
pub(crate) fn wide(text: &str, category: Option<Category>) -> Option<Skip> {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    (matches!(category, Some(Category::Groceries | Category::Dining)) && has(FOOD) && !has(NARROW))
        .then(|| Skip {
            only: &[Category::Groceries, Category::Dining],
            ..Skip::default()
        })
}
