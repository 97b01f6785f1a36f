using System;
using System.Collections.Generic;
using PasswordSafe.Internal;

namespace PasswordSafe.Admin;

/// <summary>A validated request body and the body-model version it was built for.</summary>
internal sealed class VersionedBody
{
    public VersionedBody(Version version, IDictionary<string, object?> fields)
    {
        Version = version;
        Fields = fields;
    }

    public Version Version { get; }

    /// <summary>JSON key → value, in the order of the field table.</summary>
    public IDictionary<string, object?> Fields { get; }

    public string ToJson() => JsonBodySerializer.Serialize(Fields);
}
