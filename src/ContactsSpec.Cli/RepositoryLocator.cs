using ContactsSpec.Conformance.Specs;

namespace ContactsSpec.Cli;

/// <summary>
/// Finds the ContactsSpec checkout that <c>conformance</c>, <c>regenerate</c> and <c>--sandbox</c> read their specs
/// from: <c>$CONTACTSSPEC_REPO</c> when set, else the nearest folder above the current directory holding
/// <c>ContactsSpec.sln</c>, else the one above the tool itself.
/// </summary>
internal static class RepositoryLocator
{
    public static string Find()
    {
        if (Environment.GetEnvironmentVariable(SpecCatalog.RepositoryVariable) is { Length: > 0 })
        {
            try
            {
                return SpecCatalog.FindRepositoryRoot();
            }
            catch (DirectoryNotFoundException error)
            {
                throw CliException.Usage(error.Message);
            }
        }

        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            try
            {
                return SpecCatalog.FindRepositoryRoot(start);
            }
            catch (DirectoryNotFoundException)
            {
                // Try the next place.
            }
        }

        throw CliException.Usage(
            $"This command needs a ContactsSpec checkout (its specs/ and npm toolchain): run it inside one, or set {SpecCatalog.RepositoryVariable} to its folder.");
    }
}
