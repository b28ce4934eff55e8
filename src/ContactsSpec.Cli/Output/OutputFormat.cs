namespace ContactsSpec.Cli.Output;

/// <summary>How results are printed (<c>--output</c>).</summary>
internal enum OutputFormat
{
    /// <summary>Tables and text for a person.</summary>
    Table,

    /// <summary>One JSON document on standard output, for scripts.</summary>
    Json,
}
