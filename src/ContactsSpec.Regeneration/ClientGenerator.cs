namespace ContactsSpec.Regeneration;

/// <summary>Which generator makes a client under <c>generated/</c>.</summary>
internal enum ClientGenerator
{
    /// <summary>NSwag (NSwag.MSBuild): one file per client.</summary>
    NSwag,

    /// <summary>Kiota (the local dotnet tool): a folder of files per client, with its kiota-lock.json.</summary>
    Kiota,
}
