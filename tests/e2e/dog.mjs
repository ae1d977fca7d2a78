// The simple dog registration (tests/fixtures/hund-einfach.json, frozen so the runtime's tests do
// not move with the demo's samples), step by step, as a citizen fills it in with a mouse.

/** A town's page with the simple dog form embedded and the panel of received applications. */
export const DOG_PAGE = '/fixtures/hund-einfach.html';

export const DOG_ANSWERS = {
  vorname: 'Erika',
  nachname: 'Mustermann',
  geburtsdatum: '1985-03-27',
  strasse: 'Heidestraße 17',
  plz: '10557',
  ort: 'Berlin',
  hundename: 'Bello',
  rasse: 'labrador',
  haltungsbeginn: '2025-10-01',
  gefaehrlich: false,
  richtig: true,
};

/** Fills the current step `step` (0, 1, 2) of the dog form inside `form`. */
export async function fillDogStep(form, step) {
  if (step === 0) {
    await form.getByLabel('Vorname').fill('Erika');
    await form.getByLabel('Nachname').fill('Mustermann');
    await form.getByLabel('Tag').fill('27');
    await form.getByLabel('Monat').fill('3');
    await form.getByLabel('Jahr').fill('1985');
    await form.getByLabel('Straße und Hausnummer').fill('Heidestraße 17');
    await form.getByLabel('Postleitzahl').fill('10557');
    await form.getByLabel('Ort', { exact: true }).fill('Berlin');
  } else if (step === 1) {
    await form.getByLabel('Name des Hundes').fill('Bello');
    await form.getByLabel('Rasse').selectOption({ label: 'Labrador Retriever' });
    await form.getByLabel('Tag').fill('1');
    await form.getByLabel('Monat').fill('10');
    await form.getByLabel('Jahr').fill('2025');
    await form.getByRole('radio', { name: 'Nein' }).check();
  } else {
    await form.getByLabel('Ich bestätige, dass meine Angaben richtig und vollständig sind.').check();
  }
}

export const DOG_STEP_TITLES = ['Angaben zur Halterin oder zum Halter', 'Angaben zum Hund', 'Bestätigung'];
