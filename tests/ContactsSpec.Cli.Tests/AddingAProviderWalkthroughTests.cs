using ContactsSpec.Cli.Tests.Support;

namespace ContactsSpec.Cli.Tests;

/// <summary>
/// The README's "Adding a provider", followed for a throwaway sixth provider in a copy of the repository: <c>acme</c>,
/// Wawp's API at another host. The test writes exactly what the checklist says the facade, the tool and the main job
/// need (the spec, the two generated projects, the options and the adapter, the registry entry, the DI method, the API
/// baseline's lines, the error table's rows and the conformance suite's facade call), builds the tool there, and the
/// main job then proves the new provider through its NSwag client, its Kiota client and the facade.
/// </summary>
[TestFixture]
public sealed class AddingAProviderWalkthroughTests
{
    private static readonly TimeSpan BuildLimit = TimeSpan.FromMinutes(8);

    private static readonly (string From, string To)[] Renames = [("Wawp", "Acme"), ("wawp", "acme"), ("api.acme.net", "api.acme.test")];

    [Test]
    public async Task A_sixth_provider_needs_only_the_checklist_and_passes_the_main_job()
    {
        using var repository = new RepositoryCopy(withSources: true);

        // 1-2. The spec and the two generated projects (the build generates both clients).
        repository.CopyAs("specs/wawp/openapi.yaml", "specs/acme/openapi.yaml", ("https://api.wawp.net", "https://api.acme.test"));
        repository.CopyAs("generated/ContactsSpec.Clients.Wawp/ContactsSpec.Clients.Wawp.csproj", "generated/ContactsSpec.Clients.Acme/ContactsSpec.Clients.Acme.csproj", Renames);
        repository.CopyAs(
            "generated/ContactsSpec.Clients.Wawp.Kiota/ContactsSpec.Clients.Wawp.Kiota.csproj", "generated/ContactsSpec.Clients.Acme.Kiota/ContactsSpec.Clients.Acme.Kiota.csproj", Renames);

        // 3. The options and the adapter.
        repository.CopyAs("src/ContactsSpec/WawpContactsOptions.cs", "src/ContactsSpec/AcmeContactsOptions.cs", Renames);
        repository.CopyAs("src/ContactsSpec/Adapters/WawpContactsAdapter.cs", "src/ContactsSpec/Adapters/AcmeContactsAdapter.cs", Renames);

        // 4. The registry entry (its credentials, its generated client, its spec's operations) and its key, the DI method,
        // and the new public members in the API baseline.
        repository.Edit("src/ContactsSpec/ContactsProviders.cs", code => Duplicated(
            Duplicated(code, "    /// <summary>Wawp v2.</summary>", "public const string Wawp = \"wawp\";\n"),
            "        new(Wawp, ", "Sends((\"upsertContact\", Upserts))),\n")
            .Replace("using ContactsSpec.Clients.Wawp;\n", "using ContactsSpec.Clients.Acme;\nusing ContactsSpec.Clients.Wawp;\n", StringComparison.Ordinal));
        repository.Edit("src/ContactsSpec/ContactsBuilder.cs", code => Duplicated(code, "    /// <summary>Adds Wawp.</summary>", "Add(ContactsProviders.Wawp, configure);\n"));
        repository.Edit("src/ContactsSpec/PublicAPI.Unshipped.txt", baseline => baseline + string.Concat(
            baseline.Split('\n').Where(line => line.Contains("Wawp", StringComparison.Ordinal)).Select(line => Renamed(line) + "\n")));

        // 5. The error table's rows (the facade's conformance cases are judged by them).
        repository.Edit("docs/ERRORS.md", table =>
        {
            var lines = table.Split('\n').ToList();
            var rows = lines.FindAll(line => line.StartsWith("| wawp |", StringComparison.Ordinal));
            lines.InsertRange(lines.LastIndexOf(rows[^1]) + 1, rows.Select(Renamed));
            return string.Join('\n', lines);
        });

        // 6. The conformance suite's facade call for its one operation.
        repository.Edit("src/ContactsSpec.Conformance/Invocation/FacadeInvoker.cs", code => Duplicated(code, "        [(\"wawp\", \"upsertContact\")]", "token).ConfigureAwait(false),\n"));

        var build = await ProcessRunner.RunAsync("dotnet", ["build", "src/ContactsSpec.Cli", "-c", "Debug", "-nologo", "-v", "q"], repository.Root, BuildLimit);
        Assert.That(build.ExitCode, Is.Zero, $"{build.StandardOutput}{build.StandardError}");

        var tool = repository.PathOf("src/ContactsSpec.Cli/bin/Debug/net10.0/contacts-spec.dll");
        var environment = new Dictionary<string, string> { ["CONTACTSSPEC_REPO"] = repository.Root };
        async Task<CliRun> ConformanceAsync(string provider)
        {
            string[] arguments = ["conformance", "--provider", provider, "-o", "json"];
            var run = await ProcessRunner.RunAsync("dotnet", [tool, .. arguments], repository.Root, BuildLimit, environment);
            return new CliRun(arguments, run.ExitCode, run.StandardOutput, run.StandardError);
        }

        var acme = await ConformanceAsync("acme");
        var wawp = await ConformanceAsync("wawp");
        string[] upsertArguments = ["contacts", "upsert", "-p", "acme", "--sandbox", "--id", "79001234567@c.us", "--first-name", "Ivan", "-o", "json"];
        var upsertRun = await ProcessRunner.RunAsync("dotnet", [tool, .. upsertArguments], repository.Root, BuildLimit, environment);
        var upsert = new CliRun(upsertArguments, upsertRun.ExitCode, upsertRun.StandardOutput, upsertRun.StandardError);

        Assert.Multiple(() =>
        {
            Assert.That(acme.ExitCode, Is.Zero, acme.ToString());
            Assert.That(acme.Json().GetProperty("passedCases").GetInt32(), Is.EqualTo(wawp.Json().GetProperty("passedCases").GetInt32()).And.GreaterThan(0),
                "as many cases as the provider it copies: every documented response and its forward-compatibility cases, through the three targets");
            Assert.That(upsert.ExitCode, Is.Zero, upsert.ToString());
            Assert.That(upsert.ExitCode == 0 ? upsert.Json().GetProperty("provider").GetString() : null, Is.EqualTo("acme"), "the tool's contacts commands reach it too");
        });
    }

    private static string Renamed(string text) =>
        Renames.Aggregate(text, (current, rename) => current.Replace(rename.From, rename.To, StringComparison.Ordinal));

    // The text from the line that starts with `from` through `through`, followed by its copy for acme.
    private static string Duplicated(string code, string from, string through)
    {
        var start = code.IndexOf(from, StringComparison.Ordinal);
        var end = start < 0 ? -1 : code.IndexOf(through, start, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new InvalidOperationException($"The anchor '{from}' ... '{through}' is gone.");
        }

        end += through.Length;
        return code[..end] + Renamed(code[start..end]) + code[end..];
    }
}
