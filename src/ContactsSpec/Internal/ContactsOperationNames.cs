namespace ContactsSpec.Internal;

/// <summary>Operation names as errors and logs show them.</summary>
internal static class ContactsOperationNames
{
    public const string Upsert = "Upsert";
    public const string UpsertMany = "UpsertMany";
    public const string Get = "Get";
    public const string List = "List";
    public const string Delete = "Delete";
    public const string DeleteMany = "DeleteMany";
    public const string CreateGroup = "CreateGroup";
    public const string ListGroups = "ListGroups";
    public const string DeleteGroup = "DeleteGroup";
}
