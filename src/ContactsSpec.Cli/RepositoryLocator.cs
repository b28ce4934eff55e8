using ContactsSpec.Specs;

namespace ContactsSpec.Cli;

/// <summary>
/// Finds the ContactsSpec checkout the tool runs in, if any: <c>$CONTACTSSPEC_REPO</c> when set, else the nearest
/// folder above the current directory holding <c>ContactsSpec.sln</c>. Where the tool itself lies does not count:
/// run from any other folder, it behaves as an installed tool does.
/// </summary>
internal static class RepositoryLocator
{
    /// <summary>The checkout, or null when the tool runs outside one.</summary>
    public static string? TryFind()
    {
        try
        {
            return SpecCatalog.TryFindRepositoryRoot(Environment.CurrentDirectory);
        }
        catch (DirectoryNotFoundException error)
        {
            throw CliException.Usage(error.Message);
        }
    }

    /// <summary>The checkout a command that changes it (<c>contacts-spec-regenerate</c>) needs; a usage error outside one.</summary>
    public static string Find(string command) =>
        TryFind() ?? throw CliException.Usage(
            $"`{command}` works on a ContactsSpec checkout (its specs/ and generated/): run it inside one, or set {SpecCatalog.RepositoryVariable} to its folder.");
}
