"""The branch directory page of the main site."""

from pelican.generators import Generator

from .grouping import group_branches


class BranchDirectoryGenerator(Generator):
    """Writes branches/index.html from the entries branch_subsites gathered."""

    def generate_context(self):
        nations, networks = group_branches(self.context.get("branches", []))
        self.context["directory_nations"] = nations
        self.context["directory_networks"] = networks

    def generate_output(self, writer):
        writer.write_file(
            self.settings["BRANCH_DIRECTORY_SAVE_AS"],
            self.get_template("branch_directory"),
            self.context,
            url=self.settings["BRANCH_DIRECTORY_URL"],
            page_name="branch_directory",
        )
