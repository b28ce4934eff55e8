using System.CommandLine;
using System.Globalization;
using System.Numerics;

namespace ContactsSpec.Cli;

/// <summary>
/// Range checks for numeric options. They read the option's own token: a value that is not a number is left to the
/// parser, whose error names the option (reading the typed value in a validator throws for such a token instead).
/// </summary>
internal static class NumberOptionValidation
{
    /// <summary>The option's value must be at least <paramref name="minimum"/>.</summary>
    public static void RequireAtLeast<T>(Option option, T minimum)
        where T : INumber<T> =>
        Require<T>(option, value => value >= minimum, $"{option.Name} must be at least {minimum}.");

    /// <summary>The option's value must be greater than zero.</summary>
    public static void RequirePositive<T>(Option option)
        where T : INumber<T> =>
        Require<T>(option, value => value > T.Zero, $"{option.Name} must be positive.");

    private static void Require<T>(Option option, Func<T, bool> holds, string message)
        where T : INumber<T> =>
        option.Validators.Add(result =>
        {
            if (result.Tokens is [var token] && T.TryParse(token.Value, NumberStyles.Float | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && !holds(value))
            {
                result.AddError(message);
            }
        });
}
