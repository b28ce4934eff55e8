namespace ContactsSpec;

/// <summary>What a provider supports through the facade.</summary>
[Flags]
public enum ContactsOperations
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary><see cref="ContactsClient.UpsertAsync"/>.</summary>
    UpsertOne = 1,

    /// <summary><see cref="ContactsClient.UpsertManyAsync"/>: a batch endpoint, or single calls fanned out.</summary>
    UpsertMany = 2,

    /// <summary><see cref="ContactsClient.GetAsync"/>.</summary>
    Get = 4,

    /// <summary><see cref="ContactsClient.ListAsync"/>.</summary>
    List = 8,

    /// <summary><see cref="ContactsClient.DeleteAsync"/>.</summary>
    Delete = 16,

    /// <summary><see cref="ContactsClient.DeleteManyAsync"/>: a batch endpoint, or single calls fanned out.</summary>
    DeleteMany = 32,

    /// <summary>Contact groups: <see cref="ContactsClient.CreateGroupAsync"/>, <see cref="ContactsClient.ListGroupsAsync"/>, <see cref="ContactsClient.DeleteGroupAsync"/>.</summary>
    Groups = 64,
}
