namespace ContactsSpec;

/// <summary>A contact group (WaSMS).</summary>
/// <param name="Id">The provider's group id.</param>
/// <param name="Name">The group's name.</param>
public sealed record ContactGroup(string Id, string Name);
