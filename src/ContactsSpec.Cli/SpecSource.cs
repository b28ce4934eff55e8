using System.CommandLine;
using ContactsSpec.Cli.Output;
using ContactsSpec.Specs;
using ContactsSpec.Conformance.Verification;
using Spectre.Console;

namespace ContactsSpec.Cli;

/// <summary>
/// Where <c>conformance</c>, <c>sandbox</c> and <c>--sandbox</c> take their specs from: <c>--specs DIR</c>; else the
/// checkout the tool runs in (a maintainer editing specs replays their edits); else the specs built into the tool,
/// the ones its clients were generated from, so an installed tool needs no checkout.
/// </summary>
/// <param name="Specs">The provider specs.</param>
/// <param name="ErrorTable">The documented error kinds the facade is judged by.</param>
/// <param name="Origin">Where the specs came from, for people.</param>
/// <param name="RepositoryRoot">The checkout, or null outside one.</param>
internal sealed record SpecSource(IReadOnlyList<ProviderSpec> Specs, ErrorKindTable ErrorTable, string Origin, string? RepositoryRoot)
{
    public static Option<string?> CreateOption() => new("--specs")
    {
        Description = "Folder of provider specs (<provider>/openapi.yaml) to use. Default: the checkout's specs/ inside a checkout, else the specs built into the tool.",
        HelpName = "folder",
    };

    /// <param name="specsFolder"><c>--specs</c>, or null.</param>
    /// <param name="provider">The one provider a command needs (its spec alone is read and compared), or null for all.</param>
    /// <param name="console">Where the note about differing specs goes.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    public static async Task<SpecSource> ResolveAsync(string? specsFolder, string? provider, CliConsole console, CancellationToken cancellationToken)
    {
        var repository = RepositoryLocator.TryFind();
        // A checkout's docs/ERRORS.md is what a maintainer edits beside its specs, whichever specs are replayed.
        var errorTable = repository is null ? ErrorKindTable.LoadEmbedded() : ErrorKindTable.Load(Path.Combine(repository, "docs", "ERRORS.md"));
        string folder;
        if (specsFolder is not null)
        {
            folder = Path.GetFullPath(specsFolder);
            if (!Directory.Exists(folder) || SpecCatalog.ProviderKeys(folder).Count == 0)
            {
                throw CliException.Usage($"--specs {specsFolder}: no <provider>/openapi.yaml in that folder.");
            }
        }
        else if (repository is not null)
        {
            folder = SpecCatalog.SpecsFolder(repository);
        }
        else
        {
            return new SpecSource(SpecCatalog.LoadEmbedded(provider), errorTable, "the specs built into contacts-spec", null);
        }

        var differing = SpecCatalog.DifferencesFromEmbedded(folder).Where(key => provider is null || key == provider).ToList();
        if (differing.Count > 0)
        {
            console.Error.MarkupLine(
                $"[yellow]Note:[/] the specs of {Markup.Escape(string.Join(", ", differing))} in {Markup.Escape(folder)} differ from the ones this tool's clients "
                + "were generated from: the stubs and checks follow the folder, the clients and the facade are the built-in ones. Rebuild the tool to test regenerated clients.");
        }

        IReadOnlyList<ProviderSpec> specs;
        try
        {
            specs = provider is null
                ? await SpecCatalog.LoadAllAsync(folder, cancellationToken)
                : File.Exists(SpecCatalog.SpecPath(folder, provider))
                    ? [await ProviderSpec.LoadAsync(provider, SpecCatalog.SpecPath(folder, provider), cancellationToken)]
                    : [];
        }
        catch (InvalidDataException error)
        {
            // A spec being edited may not parse; that is the input's fault, and the message names the file.
            throw CliException.InvalidInput(error.Message, error);
        }

        return new SpecSource(specs, errorTable, $"the specs in {folder}", repository);
    }
}
