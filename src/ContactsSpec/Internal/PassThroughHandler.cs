namespace ContactsSpec.Internal;

/// <summary>Fills the credential slot of the HTTP pipeline for providers whose credentials travel in the URL or body.</summary>
internal sealed class PassThroughHandler : DelegatingHandler
{
}
