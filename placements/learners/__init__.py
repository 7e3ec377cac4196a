"""A school's learners: their records (student number, programme, cohort, guardian), added, edited, marked left."""
