"""Selection for an opening: criteria, interviewers, scoring, the anonymised comparison and appointing."""
