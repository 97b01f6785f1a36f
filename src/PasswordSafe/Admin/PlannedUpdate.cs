using System.Collections.Generic;

namespace PasswordSafe.Admin;

/// <summary>
/// An update worked out before anything is sent: the object as read, the settings whose given value differs from the
/// current one, and the PUT (path and body: the current values with the changes) that makes them. When no setting
/// changes there is nothing to send, and no body is built.
/// </summary>
internal sealed class PlannedUpdate<T> where T : class
{
    public PlannedUpdate(int id, T current, IReadOnlyList<string> changed, string? path, string? body)
    {
        Id = id;
        Current = current;
        Changed = changed;
        Path = path;
        Body = body;
    }

    public int Id { get; }

    public T Current { get; }

    /// <summary>The parameter names of the settings that change, in the field table's order.</summary>
    public IReadOnlyList<string> Changed { get; }

    public string? Path { get; }

    public string? Body { get; }
}
