using Microsoft.Extensions.Options;

namespace ContactsSpec.Internal;

/// <summary>The checks a client runs on its options, run when the host starts, for one named account.</summary>
internal sealed class ContactsOptionsValidation<TOptions>(string name) : IValidateOptions<TOptions>
    where TOptions : ContactsClientOptions
{
    public ValidateOptionsResult Validate(string? optionsName, TOptions options)
    {
        if (!string.Equals(optionsName, name, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        try
        {
            options.ValidatedCopy();
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException error)
        {
            // The message names the setting, never its value (ContactsClientOptions).
            return ValidateOptionsResult.Fail($"Contacts account '{name}' ({options.Provider}): {error.Message}");
        }
    }
}
