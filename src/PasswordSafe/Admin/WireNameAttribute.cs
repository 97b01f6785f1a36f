using System;

namespace PasswordSafe.Admin;

/// <summary>
/// The JSON key a model property is read from when it differs from the property's name (matched without
/// regard to case), e.g. <c>AccountId</c> ← <c>ManagedAccountID</c>, so output objects bind by name to the next cmdlet.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class WireNameAttribute : Attribute
{
    public WireNameAttribute(string name) => Name = name;

    public string Name { get; }
}
