"""Records the repository this package was built from, so that an installed copy finds the
binary that repository builds (`.build/release/callsim`) without `CALLSIM` being set."""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

REPOSITORY = Path(__file__).resolve().parent.parent


class BuildWithRepository(build_py):
    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "callsim" / "_repository.py"
        target.write_text(
            '"""Written at build time by setup.py: the repository the package was built from."""\n\n'
            f"REPOSITORY = {str(REPOSITORY)!r}\n"
        )


setup(cmdclass={"build_py": BuildWithRepository})
