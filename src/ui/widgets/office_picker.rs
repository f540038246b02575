//! 责任单位选择 — the offices of a directive typed as a notice writes them (、 between names, any
//! name: new ones join the roster when stored), with the roster's offices to tick beneath, by
//! group, as the export dialog lists them. Ticking adds or removes the name in the text.

use egui::{CollapsingHeader, RichText, ScrollArea, TextEdit, Ui};

use crate::model::{Board, OfficeGroup};
use crate::ui::format::split_names;

/// Draws the field labelled `label` and the roster beneath; `names` holds the typed text.
/// Returns whether the text changed.
pub fn office_picker(ui: &mut Ui, board: &Board, names: &mut String, label: &str, id_salt: &str) -> bool {
    let mut changed = false;
    ui.horizontal(|ui| {
        let name = ui.label(label);
        let edit = ui
            .add(
                TextEdit::singleline(names)
                    .desired_width(ui.available_width().min(360.0))
                    .hint_text("用、分隔多个单位"),
            )
            .labelled_by(name.id);
        changed |= edit.changed();
    });
    let mut chosen = split_names(names);
    CollapsingHeader::new(RichText::new("从名册选择").small()).id_salt(id_salt).show(ui, |ui| {
        ScrollArea::vertical().max_height(120.0).id_salt((id_salt, "list")).show(ui, |ui| {
            for group in [OfficeGroup::Hq, OfficeGroup::Detachment] {
                ui.label(RichText::new(group.label()).small().strong());
                ui.horizontal_wrapped(|ui| {
                    for office in board.offices_in(group) {
                        let mut on = chosen.contains(&office.name);
                        if ui.checkbox(&mut on, &office.name).changed() {
                            if on {
                                chosen.push(office.name.clone());
                            } else {
                                chosen.retain(|n| n != &office.name);
                            }
                            *names = chosen.join("、");
                            changed = true;
                        }
                    }
                });
            }
        });
    });
    changed
}
