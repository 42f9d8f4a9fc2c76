"""Sentences in several languages, written for the tests that count what the language
model reads (each long enough for the model to tell)."""

RUSSIAN = (
    "Комитет во вторник рассмотрел восстановление моста, разрушенного весенним паводком. "
    "Инженеры заявили, что работы займут ещё два года, так как подрядчику не заплатили."
)
ENGLISH = (
    "The committee met on Tuesday to review the reconstruction of the bridge, which the "
    "river destroyed in the spring floods."
)
GERMAN = "Der Ausschuss prüfte am Dienstag den Wiederaufbau der Brücke nach dem Hochwasser."
FRENCH = "Le comité s'est réuni mardi pour examiner la reconstruction du pont emporté par la crue."
