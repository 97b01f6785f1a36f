using System.Collections.Generic;

namespace PasswordSafe.HelpCompiler.Model;

/// <summary>An INPUTS or OUTPUTS entry: a type name and what it means.</summary>
internal sealed class TypeHelp
{
    public TypeHelp(string typeName) => TypeName = typeName;

    public string TypeName { get; }

    public List<string> Description { get; } = new();
}
