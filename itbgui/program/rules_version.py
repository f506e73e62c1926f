"""Which version of the rules an answer kept on disk was worked out by.

Its own module, with nothing to import, so the first frame can check a kept Today card
(app/today_cards.py) without loading the rules themselves.
"""

#: SHA-256 (first 16 digits) of the program's sources, the files of itbgui/program/ in name
#: order without this line. tests/test_start_state.py fails when they change and this does
#: not: any change to the rules may change a decision, so old snapshots must not be read.
PROGRAM_SOURCES = "df9a65a230472b81"
