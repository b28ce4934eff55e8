using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ContactsSpec.Regeneration;

/// <summary>
/// The public surface of a generated client file, read from its Roslyn syntax tree (no compilation needed): public
/// types, and their public and protected methods, constructors, properties, fields, events and enum members, each
/// with its declaration. Members of a type a caller cannot see (private, internal, or nested in one) are left out.
/// </summary>
internal sealed partial class PublicSurface
{
    private PublicSurface(IReadOnlyList<SurfaceMember> types, IReadOnlyList<SurfaceMember> members)
    {
        Types = types;
        Members = members;
    }

    public IReadOnlyList<SurfaceMember> Types { get; }

    public IReadOnlyList<SurfaceMember> Members { get; }

    // Kiota writes nullable and non-nullable variants under #if; read them as a .NET 10 build compiles them.
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, preprocessorSymbols: ["NETCOREAPP3_1_OR_GREATER", "NETSTANDARD2_1_OR_GREATER"]);

    /// <summary>
    /// The surface as a baseline file: a line per type and member, its full name then its declaration, each type
    /// followed by its members, all in ordinal order, so that a change of the public API is a change of lines in review.
    /// </summary>
    public string ToBaseline() =>
        string.Concat(Types.Concat(Members)
            .Select(member => (member.TypeName, IsMember: member.Kind != SurfaceMemberKind.Type,
                Line: $"{(member.Kind == SurfaceMemberKind.Type ? member.TypeName : $"{member.TypeName}.{member.Name}")}: {member.Signature}\n"))
            .OrderBy(entry => entry.TypeName, StringComparer.Ordinal)
            .ThenBy(entry => entry.IsMember)
            .ThenBy(entry => entry.Line, StringComparer.Ordinal)
            .Select(entry => entry.Line));

    /// <summary>Reads the surface of <paramref name="code"/>; methods of <paramref name="clientName"/> and its interface are operations.</summary>
    public static PublicSurface Parse(string code, string clientName) => Parse([code], clientName);

    /// <summary>Reads the surface of a client written as several files (Kiota's, a file per type).</summary>
    public static PublicSurface Parse(IEnumerable<string> files, string clientName)
    {
        var walker = new Walker(clientName);
        foreach (var code in files)
        {
            walker.VisitMembers(CSharpSyntaxTree.ParseText(code, ParseOptions).GetCompilationUnitRoot().Members, string.Empty, null);
        }

        return new PublicSurface(walker.Types, walker.Members);
    }

    private sealed class Walker(string clientName)
    {
        public List<SurfaceMember> Types { get; } = [];

        public List<SurfaceMember> Members { get; } = [];

        public void VisitMembers(SyntaxList<MemberDeclarationSyntax> members, string ns, TypeDeclarationContext? container)
        {
            foreach (var member in members)
            {
                switch (member)
                {
                    case BaseNamespaceDeclarationSyntax space:
                        VisitMembers(space.Members, ns.Length == 0 ? space.Name.ToString() : $"{ns}.{space.Name}", null);
                        break;
                    case BaseTypeDeclarationSyntax type:
                        VisitType(type, ns, container);
                        break;
                    case DelegateDeclarationSyntax @delegate when IsVisible(@delegate.Modifiers, container):
                        Types.Add(new SurfaceMember(
                            TypeName(ns, container, @delegate.Identifier.Text + TypeParameters(@delegate.TypeParameterList)),
                            SurfaceMemberKind.Type,
                            @delegate.Identifier.Text,
                            $"{Modifiers(@delegate.Modifiers)} delegate {Text(@delegate.ReturnType)} {@delegate.Identifier.Text}{TypeParameters(@delegate.TypeParameterList)}({Parameters(@delegate.ParameterList.Parameters)})".Trim()));
                        break;
                    case not null when container is not null:
                        VisitMember(member, container);
                        break;
                    default:
                        break;
                }
            }
        }

        private void VisitType(BaseTypeDeclarationSyntax type, string ns, TypeDeclarationContext? container)
        {
            if (!IsVisible(type.Modifiers, container))
            {
                return;
            }

            var typeParameters = type is TypeDeclarationSyntax generic ? TypeParameters(generic.TypeParameterList) : string.Empty;
            var name = TypeName(ns, container, type.Identifier.Text + typeParameters);
            var keyword = type switch
            {
                RecordDeclarationSyntax record => record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct" : "record",
                TypeDeclarationSyntax declaration => declaration.Keyword.Text,
                EnumDeclarationSyntax => "enum",
                _ => type.Kind().ToString(),
            };
            var bases = type.BaseList is null ? string.Empty : " : " + string.Join(", ", type.BaseList.Types.Select(baseType => Text(baseType.Type)));
            var constraints = type is TypeDeclarationSyntax { ConstraintClauses.Count: > 0 } constrained
                ? " " + string.Join(" ", constrained.ConstraintClauses.Select(Text))
                : string.Empty;
            var primary = type is TypeDeclarationSyntax { ParameterList: { } parameters } ? $"({Parameters(parameters.Parameters)})" : string.Empty;
            Types.Add(new SurfaceMember(name, SurfaceMemberKind.Type, type.Identifier.Text,
                $"{Modifiers(type.Modifiers)} {keyword} {type.Identifier.Text}{typeParameters}{primary}{bases}{constraints}".Trim()));

            var context = new TypeDeclarationContext(name, type.Identifier.Text, type is InterfaceDeclarationSyntax, type is EnumDeclarationSyntax);
            switch (type)
            {
                case EnumDeclarationSyntax @enum:
                    foreach (var value in @enum.Members)
                    {
                        Members.Add(new SurfaceMember(name, SurfaceMemberKind.EnumMember, value.Identifier.Text,
                            value.EqualsValue is null ? value.Identifier.Text : $"{value.Identifier.Text} = {Text(value.EqualsValue.Value)}"));
                    }

                    break;
                case TypeDeclarationSyntax declaration:
                    VisitMembers(declaration.Members, ns, context);
                    break;
                default:
                    break;
            }
        }

        private void VisitMember(MemberDeclarationSyntax member, TypeDeclarationContext type)
        {
            if (!IsVisible(member.Modifiers, type))
            {
                return;
            }

            var modifiers = Modifiers(member.Modifiers);
            switch (member)
            {
                case MethodDeclarationSyntax method:
                    var isOperation = type.SimpleName == clientName || type.SimpleName == "I" + clientName;
                    Add(type, isOperation ? SurfaceMemberKind.Operation : SurfaceMemberKind.Method, method.Identifier.Text,
                        $"{modifiers} {Text(method.ReturnType)} {method.Identifier.Text}{TypeParameters(method.TypeParameterList)}({Parameters(method.ParameterList.Parameters)}){Constraints(method.ConstraintClauses)}");
                    break;
                case ConstructorDeclarationSyntax constructor when !constructor.Modifiers.Any(SyntaxKind.StaticKeyword):
                    Add(type, SurfaceMemberKind.Constructor, ".ctor", $"{modifiers} {constructor.Identifier.Text}({Parameters(constructor.ParameterList.Parameters)})");
                    break;
                case PropertyDeclarationSyntax property:
                    Add(type, SurfaceMemberKind.Property, property.Identifier.Text,
                        $"{modifiers} {Text(property.Type)} {property.Identifier.Text} {Accessors(property.AccessorList, property.ExpressionBody, type)}");
                    break;
                case IndexerDeclarationSyntax indexer:
                    Add(type, SurfaceMemberKind.Property, "this[]",
                        $"{modifiers} {Text(indexer.Type)} this[{Parameters(indexer.ParameterList.Parameters)}] {Accessors(indexer.AccessorList, indexer.ExpressionBody, type)}");
                    break;
                case FieldDeclarationSyntax field:
                    var isConst = field.Modifiers.Any(SyntaxKind.ConstKeyword);
                    foreach (var variable in field.Declaration.Variables)
                    {
                        var value = isConst && variable.Initializer is { } initializer ? $" = {Text(initializer.Value)}" : string.Empty;
                        Add(type, SurfaceMemberKind.Field, variable.Identifier.Text, $"{modifiers} {Text(field.Declaration.Type)} {variable.Identifier.Text}{value}");
                    }

                    break;
                case EventFieldDeclarationSyntax @event:
                    foreach (var variable in @event.Declaration.Variables)
                    {
                        Add(type, SurfaceMemberKind.Event, variable.Identifier.Text, $"{modifiers} event {Text(@event.Declaration.Type)} {variable.Identifier.Text}");
                    }

                    break;
                case EventDeclarationSyntax @event:
                    Add(type, SurfaceMemberKind.Event, @event.Identifier.Text, $"{modifiers} event {Text(@event.Type)} {@event.Identifier.Text}");
                    break;
                default:
                    break;
            }
        }

        private void Add(TypeDeclarationContext type, SurfaceMemberKind kind, string name, string signature) =>
            Members.Add(new SurfaceMember(type.FullName, kind, name, signature.Trim()));

        private static string TypeName(string ns, TypeDeclarationContext? container, string name) =>
            container is not null ? $"{container.FullName}.{name}" : ns.Length == 0 ? name : $"{ns}.{name}";

        // Interface members without an access modifier are public; elsewhere only public and protected members
        // reach a caller (protected ones through a subclass).
        private static bool IsVisible(SyntaxTokenList modifiers, TypeDeclarationContext? container)
        {
            if (container is { IsEnum: true })
            {
                return true;
            }

            if (modifiers.Any(SyntaxKind.PrivateKeyword))
            {
                return false;
            }

            if (modifiers.Any(SyntaxKind.PublicKeyword) || modifiers.Any(SyntaxKind.ProtectedKeyword))
            {
                return true;
            }

            return container is { IsInterface: true } && !modifiers.Any(SyntaxKind.InternalKeyword);
        }

        private static string Modifiers(SyntaxTokenList modifiers) =>
            string.Join(' ', modifiers.Where(modifier => !modifier.IsKind(SyntaxKind.PartialKeyword) && !modifier.IsKind(SyntaxKind.AsyncKeyword)).Select(modifier => modifier.Text));

        private static string TypeParameters(TypeParameterListSyntax? parameters) =>
            parameters is null ? string.Empty : $"<{string.Join(", ", parameters.Parameters.Select(parameter => parameter.Identifier.Text))}>";

        private static string Constraints(SyntaxList<TypeParameterConstraintClauseSyntax> clauses) =>
            clauses.Count == 0 ? string.Empty : " " + string.Join(" ", clauses.Select(Text));

        private static string Parameters(SeparatedSyntaxList<ParameterSyntax> parameters) =>
            string.Join(", ", parameters.Select(parameter =>
            {
                var modifiers = string.Join(' ', parameter.Modifiers.Select(modifier => modifier.Text));
                var text = $"{modifiers} {(parameter.Type is null ? string.Empty : Text(parameter.Type))} {parameter.Identifier.Text}".Trim();
                return parameter.Default is null ? text : $"{text} = {Text(parameter.Default.Value)}";
            }));

        private static string Accessors(AccessorListSyntax? accessors, ArrowExpressionClauseSyntax? expressionBody, TypeDeclarationContext type)
        {
            if (accessors is null)
            {
                return expressionBody is null ? string.Empty : "{ get; }";
            }

            var visible = accessors.Accessors
                .Where(accessor => accessor.Modifiers.Count == 0 || IsVisible(accessor.Modifiers, type))
                .Select(accessor => accessor.Modifiers.Count == 0 ? $"{accessor.Keyword.Text};" : $"{Modifiers(accessor.Modifiers)} {accessor.Keyword.Text};");
            return $"{{ {string.Join(' ', visible)} }}";
        }

        // Framework types read as a caller writes them: Task<WawpOk>, not System.Threading.Tasks.Task<WawpOk>.
        private static string Text(SyntaxNode node) => SystemNamespace().Replace(node.NormalizeWhitespace().ToString(), string.Empty);
    }

    [GeneratedRegex(@"\b(?:global::)?System(?:\.[A-Za-z_][A-Za-z0-9_]*)*?\.(?=[A-Za-z_][A-Za-z0-9_]*(?:[^.A-Za-z0-9_]|$))")]
    private static partial Regex SystemNamespace();

    private sealed record TypeDeclarationContext(string FullName, string SimpleName, bool IsInterface, bool IsEnum);
}
