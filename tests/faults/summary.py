"""A section at the end of the run with the outbox fault tests' numbers, one line per scenario.

Each test records its line as a user property (tests/faults/stack.py, FaultStack.report); pytest-xdist sends
those with the reports to the main process, so the section also appears for a parallel run.
"""


def fault_lines(terminalreporter) -> list[str]:
    lines = []
    for reports in terminalreporter.stats.values():
        for report in reports:
            if getattr(report, "when", None) != "call":
                continue
            lines += [value for name, value in getattr(report, "user_properties", ()) if name == "outbox_faults"]
    return sorted(lines)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    lines = fault_lines(terminalreporter)
    if lines:
        terminalreporter.section("outbox fault tests: messages sent, lost, duplicated", sep="-")
        for line in lines:
            terminalreporter.line(line)
