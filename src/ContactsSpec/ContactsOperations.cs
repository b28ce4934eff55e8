namespace ContactsSpec;

/// <summary>
/// The facade's operations, as capabilities report what a provider supports. Each operation's member name is also
/// its name everywhere else: <see cref="ContactsException.Operation"/>, the log and the telemetry.
/// </summary>
[Flags]
public enum ContactsOperations
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary><see cref="ContactsClient.UpsertAsync"/>.</summary>
    Upsert = 1,

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

    /// <summary><see cref="ContactsClient.CreateGroupAsync"/>.</summary>
    CreateGroup = 64,

    /// <summary><see cref="ContactsClient.ListGroupsAsync"/>.</summary>
    ListGroups = 128,

    /// <summary><see cref="ContactsClient.DeleteGroupAsync"/>.</summary>
    DeleteGroup = 256,

    /// <summary>Contact groups: creating, listing and deleting them.</summary>
    Groups = CreateGroup | ListGroups | DeleteGroup,
}
