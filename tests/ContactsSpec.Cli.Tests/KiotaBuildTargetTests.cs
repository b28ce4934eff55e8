using ContactsSpec.Cli.Tests.Support;

namespace ContactsSpec.Cli.Tests;

/// <summary>The build-time Kiota target (Directory.Build.targets) in a throwaway copy of the repository.</summary>
[TestFixture]
public sealed class KiotaBuildTargetTests
{
    private const string Project = "generated/ContactsSpec.Clients.Wawp.Kiota";

    [Test]
    public async Task A_spec_change_that_makes_Kiota_drop_a_file_builds_at_the_first_attempt()
    {
        using var repository = new RepositoryCopy();
        // Renaming the schema makes Kiota write Models/ContactFullName.cs and delete Models/ContactName.cs, which the
        // project evaluated as a source file before the target ran.
        repository.Edit("specs/wawp/openapi.yaml", yaml => yaml.Replace("ContactName", "ContactFullName", StringComparison.Ordinal));

        var build = await ProcessRunner.RunToTextAsync("dotnet", ["build", Project, "-nologo"], repository.Root, TimeSpan.FromMinutes(4));

        Assert.That(build.ExitCode, Is.EqualTo(0), build.Output);
        Assert.That(File.Exists(repository.PathOf($"{Project}/Client/Models/ContactName.cs")), Is.False, "Kiota removed the old model");
        Assert.That(File.Exists(repository.PathOf($"{Project}/Client/Models/ContactFullName.cs")), Is.True);
    }
}
