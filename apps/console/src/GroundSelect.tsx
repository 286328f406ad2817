/** The policy grounds a confirmation may rest on (the policy defines them; free text is refused). */
export function GroundSelect({ grounds, value, onChange }: { grounds: string[]; value: string; onChange: (ground: string) => void }) {
  return (
    <label>
      Policy ground
      <select value={value} onChange={(e) => onChange(e.target.value)} required>
        {grounds.map((g) => (
          <option key={g}>{g}</option>
        ))}
      </select>
    </label>
  );
}
